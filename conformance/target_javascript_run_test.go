package conformance_test

import (
	"testing"

	"github.com/fakeaws/fakeaws-go/conformance"
)

// TestConformanceJS replays every scenario through the AWS SDK for
// JavaScript v3 against the loopback server.
func TestConformanceJS(t *testing.T) {
	t.Parallel()
	runServed(t, conformance.JS)
}
