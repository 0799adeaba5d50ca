package conformance_test

import (
	"testing"

	"github.com/fakeaws/fakeaws-go/conformance"
)

func TestConformanceCLI(t *testing.T) {
	t.Parallel()
	runServed(t, conformance.CLI)
}
