package conformance_test

import (
	"reflect"
	"sort"
	"testing"

	"github.com/fakeaws/fakeaws-go/conformance"
	"github.com/fakeaws/fakeaws-go/fakeaws/smfake"
	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

// unserved lists the operations of sc the fake clients do not serve yet.
func unserved(sc conformance.Scenario) []string {
	missing := map[string]bool{}
	for _, st := range sc.Steps {
		client := reflect.TypeFor[*ssmfake.Client]()
		if st.Service == conformance.SecretsManager {
			client = reflect.TypeFor[*smfake.Client]()
		}
		if _, ok := client.MethodByName(st.Op); !ok {
			missing[string(st.Service)+" "+st.Op] = true
		}
	}
	var names []string
	for n := range missing {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// runServed replays the scenarios against f: all of them through
// conformance.Run once the fakes serve every operation they call; until
// then (the operations are being written, and the wire serves each one as
// soon as its client method exists) the scenarios that are fully served,
// skipping the others.
func runServed(t *testing.T, f conformance.Factory) {
	t.Helper()
	all := true
	for _, sc := range conformance.Scenarios() {
		if len(unserved(sc)) > 0 {
			all = false
		}
	}
	if all {
		conformance.Run(t, f)
		return
	}
	for _, sc := range conformance.Scenarios() {
		t.Run(sc.Name, func(t *testing.T) {
			t.Parallel()
			if missing := unserved(sc); len(missing) > 0 {
				t.Skipf("the fakes do not serve yet: %v", missing)
			}
			conformance.RunScenario(t, f, sc)
		})
	}
}

func TestConformanceSDKConfig(t *testing.T) {
	t.Parallel()
	runServed(t, conformance.SDKConfig)
}

func TestConformanceSDKServer(t *testing.T) {
	t.Parallel()
	runServed(t, conformance.SDKServer)
}
