package engine

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// byOf lists the By of each logged call's input, oldest first.
func byOf(e *Engine) []int {
	var got []int
	for _, c := range e.Calls() {
		got = append(got, c.Input.(*incInput).By)
	}
	return got
}

// TestCallLogRingAtEveryChunkBoundary records up to twice a log's capacity
// for capacities at and around the chunks' edges (32, 96, 224, ... slots)
// and checks after every call that the log holds exactly the most recent
// calls, oldest first (for the largest, after every 37th call).
func TestCallLogRingAtEveryChunkBoundary(t *testing.T) {
	t.Parallel()
	for _, capacity := range []int{1, 2, 7, 8, 9, 31, 32, 33, 95, 96, 97, 224, 225, 1000} {
		t.Run(fmt.Sprint(capacity), func(t *testing.T) {
			t.Parallel()
			e, p, _ := newTestEngine(capacity)
			var st counter
			for i := 1; i <= 2*capacity+3; i++ {
				Do(context.Background(), e, opRead, p, &st, &incInput{By: i}, nil, read)
				if capacity > 300 && i%37 != 0 {
					continue
				}
				var want []int
				for b := max(1, i-capacity+1); b <= i; b++ {
					want = append(want, b)
				}
				if diff := cmp.Diff(want, byOf(e)); diff != "" {
					t.Fatalf("after %d calls, logged By (-want +got):\n%s", i, diff)
				}
			}
		})
	}
}

// TestCallLogSlotsAreAPermutation checks that every chunk size the log makes
// spreads its calls over all of its slots, none twice.
func TestCallLogSlotsAreAPermutation(t *testing.T) {
	t.Parallel()
	for m := uint64(8); m <= 1<<14; m += 8 {
		seen := make([]bool, m)
		for j := range m {
			s := slotOf(j, m)
			if s >= m || seen[s] {
				t.Fatalf("m=%d: call %d goes to slot %d, out of range or taken", m, j, s)
			}
			seen[s] = true
		}
	}
}

// TestCallLogGrowsAsUsed checks that a new log holds no chunk until its
// first call, and then only the first (32 slots).
func TestCallLogGrowsAsUsed(t *testing.T) {
	t.Parallel()
	e, p, _ := newTestEngine(10000)
	made := func() (n, slots int) {
		for k := range e.calls.chunks {
			if ch := e.calls.chunks[k].Load(); ch != nil {
				n++
				slots += len(ch.slots)
			}
		}
		return n, slots
	}
	if n, _ := made(); n != 0 {
		t.Fatalf("%d chunks before any call, want 0", n)
	}
	var st counter
	Do(context.Background(), e, opRead, p, &st, &incInput{By: 1}, nil, read)
	if n, slots := made(); n != 1 || slots != firstChunk {
		t.Fatalf("after one call: %d chunks of %d slots in all, want 1 of %d", n, slots, firstChunk)
	}
	for i := range 10000 {
		Do(context.Background(), e, opRead, p, &st, &incInput{By: i}, nil, read)
	}
	if _, slots := made(); slots < 10000 || slots > 10000+7 {
		t.Errorf("after 10,001 calls the log has %d slots, want the capacity, 10,000 (rounded up to 8)", slots)
	}
}

// TestCallLogConcurrentCallsAllLogged records calls from 8 goroutines at
// once (run it with -race) and checks that every call is in the log once.
func TestCallLogConcurrentCallsAllLogged(t *testing.T) {
	t.Parallel()
	const goroutines, each = 8, 500
	e, p, _ := newTestEngine(goroutines * each)
	var st counter
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			for i := range each {
				Do(context.Background(), e, opRead, p, &st, &incInput{By: g*each + i}, nil, read)
			}
		})
	}
	wg.Wait()
	seen := make([]int, goroutines*each)
	for _, by := range byOf(e) {
		seen[by]++
	}
	for by, n := range seen {
		if n != 1 {
			t.Errorf("call %d logged %d times, want once", by, n)
		}
	}
}

// blockAnswer is the answer of the test operations that keep their log
// record in its block: it begins with their output.
type blockAnswer struct {
	out  incOutput
	note string
}

// TestCallLogRecordsInTheAnswersBlock runs operations that keep their log
// record in their answer's block: more of them than the log's table of
// kinds holds, and one whose run returns an output of its own instead of
// the answer's. Each call reads back from the log as it was made; those
// the table has no room for, and the one with an output of its own, get a
// record of their own.
func TestCallLogRecordsInTheAnswersBlock(t *testing.T) {
	t.Parallel()
	e, p, _ := newTestEngine(100)
	var st counter
	into := func(_ *counter, _ core.Env, in *incInput, a any) (*incOutput, error) {
		b := a.(*blockAnswer)
		b.out.N = 10 * in.By
		return &b.out, nil
	}
	elsewhere := func(_ *counter, _ core.Env, in *incInput, _ any) (*incOutput, error) {
		return &incOutput{N: 10 * in.By}, nil
	}
	// The operation with an output of its own runs first, while the table
	// has room.
	ops := []*core.Operation[counter, incInput, incOutput]{{
		Op: "ssm:Elsewhere", RunInto: elsewhere,
		Alloc: func() any { return new(blockAnswer) }, Logged: core.LogInBlock[blockAnswer, incInput, incOutput](),
	}}
	for i := range len(kindTable{}.k) + 2 {
		ops = append(ops, &core.Operation[counter, incInput, incOutput]{
			Op: core.Op(fmt.Sprintf("ssm:Block%d", i)), RunInto: into,
			Alloc: func() any { return new(blockAnswer) }, Logged: core.LogInBlock[blockAnswer, incInput, incOutput](),
		})
	}
	type logged struct {
		Op    core.Op
		By, N int
	}
	var want []logged
	in := &incInput{}
	for round := range 2 {
		for i, op := range ops {
			in.By = 100*round + i
			if _, err := Run(context.Background(), e, p, &st, op, in); err != nil {
				t.Fatal(err)
			}
			want = append(want, logged{op.Op, in.By, 10 * in.By})
		}
	}
	var got []logged
	for _, c := range e.Calls() {
		got = append(got, logged{c.Op, c.Input.(*incInput).By, c.Output.(*incOutput).N})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("call log (-want +got):\n%s", diff)
	}
	if n := e.calls.kinds.Load().n; n != len(kindTable{}.k) {
		t.Errorf("the log met %d kinds, want %d (the table full)", n, len(kindTable{}.k))
	}
}
