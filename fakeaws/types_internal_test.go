package fakeaws

import (
	"testing"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/engine"
)

// The public policy types are converted to the engine's by value: their
// constants must spell what the engine matches.
func TestPolicyConstantsMatchTheEngine(t *testing.T) {
	t.Parallel()
	if string(Allow) != string(engine.Allow) || string(Deny) != string(engine.Deny) {
		t.Errorf("effects %q, %q; the engine's are %q, %q", Allow, Deny, engine.Allow, engine.Deny)
	}
	if AnyPrincipal != engine.AnyPrincipal {
		t.Errorf("AnyPrincipal = %q; the engine's is %q", AnyPrincipal, engine.AnyPrincipal)
	}
}
