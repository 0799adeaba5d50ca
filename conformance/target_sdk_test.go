package conformance_test

import (
	"reflect"
	"sort"
	"testing"

	"github.com/fakeaws/fakeaws-go/conformance"
	"github.com/fakeaws/fakeaws-go/smfake"
	"github.com/fakeaws/fakeaws-go/ssmfake"
)

// skipUntilServed skips t while the fake clients lack an operation the
// scenarios call (the operations are being written; the wire serves each
// one as soon as its client method exists).
func skipUntilServed(t *testing.T) {
	t.Helper()
	missing := map[string]bool{}
	for _, sc := range conformance.Scenarios() {
		for _, st := range sc.Steps {
			client := reflect.TypeFor[*ssmfake.Client]()
			if st.Service == conformance.SecretsManager {
				client = reflect.TypeFor[*smfake.Client]()
			}
			if _, ok := client.MethodByName(st.Op); !ok {
				missing[string(st.Service)+" "+st.Op] = true
			}
		}
	}
	if len(missing) > 0 {
		var names []string
		for n := range missing {
			names = append(names, n)
		}
		sort.Strings(names)
		t.Skipf("the fakes do not serve yet: %v", names)
	}
}

func TestConformanceSDKConfig(t *testing.T) {
	t.Parallel()
	skipUntilServed(t)
	conformance.Run(t, conformance.SDKConfig)
}

func TestConformanceSDKServer(t *testing.T) {
	t.Parallel()
	skipUntilServed(t)
	conformance.Run(t, conformance.SDKServer)
}
