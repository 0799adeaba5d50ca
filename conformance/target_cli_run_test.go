package conformance_test

import (
	"sync"
	"testing"

	"github.com/fakeaws/fakeaws-go/conformance"
)

// TestConformanceCLI runs every scenario at once, each against a server of
// its own: a step runs the AWS CLI, a process that takes about half a
// second of CPU, so the run is as long as the longest scenario only if the
// scenarios do not wait for one another. Subtests started together with
// t.Run from goroutines run at once whatever -parallel allows (t.Parallel
// subtests would run two at a time on two cores).
func TestConformanceCLI(t *testing.T) {
	t.Parallel()
	var wg sync.WaitGroup
	for _, sc := range conformance.Scenarios() {
		wg.Go(func() {
			t.Run(sc.Name, func(t *testing.T) {
				if missing := unserved(sc); len(missing) > 0 {
					t.Skipf("the fakes do not serve yet: %v", missing)
				}
				conformance.RunScenario(t, conformance.CLI, sc)
			})
		})
	}
	wg.Wait()
}
