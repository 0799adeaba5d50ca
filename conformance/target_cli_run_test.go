package conformance_test

import (
	"testing"

	"github.com/fakeaws/fakeaws-go/conformance"
)

func TestConformanceCLI(t *testing.T) {
	t.Parallel()
	skipUntilServed(t)
	conformance.Run(t, conformance.CLI)
}
