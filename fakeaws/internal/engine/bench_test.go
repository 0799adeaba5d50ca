package engine

import (
	"context"
	"sync/atomic"
	"testing"
)

// BenchmarkDo measures what every operation pays for the engine itself:
// the clock, the lock and, when on, the call log's copy of the input.
func BenchmarkDo(b *testing.B) {
	for _, bc := range []struct {
		name string
		log  int
	}{{"log=off", 0}, {"log=10000", 10000}} {
		b.Run(bc.name, func(b *testing.B) {
			e, p, _ := newTestEngine(bc.log)
			var st counter
			in := &incInput{By: 1}
			ctx := context.Background()
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Do(ctx, e, opRead, p, &st, in, nil, read); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkParallelCeiling shows what this machine lets any Go code gain from
// a second core, with no fakeaws code and no shared state: a loop of about
// 250 ns of arithmetic per iteration, alone and with one 224-byte
// allocation per iteration (what a GetParameter answer costs), on the test
// binary's own heap (about 2 MiB) and with 64 MiB more held live, as the
// parallel benchmarks of ssmfake do. Compare ns/op at -cpu 1 and -cpu 2:
// with a small heap the collector runs every few megabytes, and its cycles,
// not the code, set how far an allocating loop scales (BENCHMARKS.md).
func BenchmarkParallelCeiling(b *testing.B) {
	s := "v"
	for _, bc := range []struct {
		name  string
		alloc bool
		heap  int
	}{
		{"compute", false, 0},
		{"compute+alloc/heap=binary", true, 0},
		{"compute+alloc/heap=64MiB", true, 64 << 20},
	} {
		b.Run(bc.name, func(b *testing.B) {
			ceilingHeap = make([]byte, bc.heap)
			defer func() { ceilingHeap = nil }()
			b.ReportAllocs()
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				var last *ceilingAnswer
				h := 1
				for pb.Next() {
					if bc.alloc {
						last = &ceilingAnswer{p: [5]*string{&s, &s}}
						last.x[0] = int64(h)
					}
					for i := range 250 {
						h = h*31 + i
					}
				}
				ceilingSink.Store(last)
				ceilingSum.Add(int64(h))
			})
		})
	}
}

// ceilingHeap is the extra live heap of a ParallelCeiling sub-benchmark.
var ceilingHeap []byte

// ceilingAnswer is 224 bytes, with pointers, like a GetParameter answer.
type ceilingAnswer struct {
	p [5]*string
	x [22]int64
}

var (
	ceilingSink atomic.Pointer[ceilingAnswer]
	ceilingSum  atomic.Int64
)
