package engine

import (
	"context"
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
