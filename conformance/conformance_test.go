package conformance_test

import (
	"testing"

	"github.com/fakeaws/fakeaws-go/conformance"
)

func TestConformanceDirect(t *testing.T) {
	t.Parallel()
	conformance.Run(t, conformance.Direct)
}
