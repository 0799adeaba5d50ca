package ssmfake_test

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/smfake"
	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

// Store sizes for the scale benchmarks: a cost that does not grow with the
// Store reads the same at both.
var sizes = []int{1_000, 1_000_000}

type filledStore struct {
	st        *fakeaws.Store
	c         *ssmfake.Client
	bytesEach float64 // heap bytes per stored parameter, value included
}

// A store names the Store a benchmark runs on: the default one (New() with
// no options) or one with the call log off, as every benchmark ran before
// 2026-11-30.
type store struct {
	name string
	opts []fakeaws.Option
}

var (
	storeDefault = store{"default", nil}
	storeLogOff  = store{"log=off", []fakeaws.Option{fakeaws.WithCallLog(0)}}
)

type fillKey struct {
	n     int
	store string
}

var (
	fillMu sync.Mutex
	fills  = map[fillKey]*filledStore{}
)

// filled returns a Store holding n parameters named /svc<i%100>/p<i> with
// 8-byte values, plus one secret, built once per process, size and store
// kind; the call log, if any, is emptied after the fill.
func filled(b *testing.B, n int, s store) *filledStore {
	b.Helper()
	fillMu.Lock()
	defer fillMu.Unlock()
	if f := fills[fillKey{n, s.name}]; f != nil {
		return f
	}
	ctx := context.Background()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	st := fakeaws.New(s.opts...)
	c := ssmfake.New(st)
	for i := range n {
		if _, err := c.PutParameter(ctx, &ssm.PutParameterInput{
			Name: aws.String(fmt.Sprintf("/svc%02d/p%07d", i%100, i)), Value: aws.String("value-01"), Type: types.ParameterTypeString,
		}); err != nil {
			b.Fatal(err)
		}
	}
	st.ClearCalls()
	runtime.GC()
	runtime.ReadMemStats(&after)
	if _, err := smfake.New(st).CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("prod/db"), SecretString: aws.String(`{"password":"x"}`)}); err != nil {
		b.Fatal(err)
	}
	st.ClearCalls()
	f := &filledStore{st: st, c: c, bytesEach: float64(after.HeapAlloc-before.HeapAlloc) / float64(n)}
	fills[fillKey{n, s.name}] = f
	return f
}

// BenchmarkGetParameter reads one parameter, on the default Store and on
// one with the call log off.
func BenchmarkGetParameter(b *testing.B) {
	ctx := context.Background()
	for _, s := range []store{storeDefault, storeLogOff} {
		for _, n := range sizes {
			b.Run(fmt.Sprintf("%s/n=%.0e", s.name, float64(n)), func(b *testing.B) {
				f := filled(b, n, s)
				in := &ssm.GetParameterInput{Name: aws.String("/svc07/p0000007")}
				b.ReportAllocs()
				for b.Loop() {
					if _, err := f.c.GetParameter(ctx, in); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(f.bytesEach, "heapB/param")
			})
		}
	}
}

// BenchmarkNewStore is what a test pays for its own Store: New() with no
// options alone, then with a client and its first call (a put), and its
// first two (a put and a get).
func BenchmarkNewStore(b *testing.B) {
	ctx := context.Background()
	b.Run("new", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			storeSink = fakeaws.New()
		}
	})
	b.Run("new+put", func(b *testing.B) {
		put := &ssm.PutParameterInput{Name: aws.String("/app/mode"), Value: aws.String("blue"), Type: types.ParameterTypeString}
		b.ReportAllocs()
		for b.Loop() {
			st := fakeaws.New()
			if _, err := ssmfake.New(st).PutParameter(ctx, put); err != nil {
				b.Fatal(err)
			}
			storeSink = st
		}
	})
	b.Run("new+put+get", func(b *testing.B) {
		put := &ssm.PutParameterInput{Name: aws.String("/app/mode"), Value: aws.String("blue"), Type: types.ParameterTypeString}
		get := &ssm.GetParameterInput{Name: aws.String("/app/mode")}
		b.ReportAllocs()
		for b.Loop() {
			st := fakeaws.New()
			c := ssmfake.New(st)
			if _, err := c.PutParameter(ctx, put); err != nil {
				b.Fatal(err)
			}
			if _, err := c.GetParameter(ctx, get); err != nil {
				b.Fatal(err)
			}
			storeSink = st
		}
	})
}

// storeSink keeps the last Store of BenchmarkNewStore reachable, so the
// compiler cannot drop the work.
var storeSink *fakeaws.Store

// BenchmarkGetParameterReference is the bridge: GetParameter on
// /aws/reference/secretsmanager/<id>, which reads Secrets Manager.
func BenchmarkGetParameterReference(b *testing.B) {
	ctx := context.Background()
	for _, n := range sizes {
		b.Run(fmt.Sprintf("n=%.0e", float64(n)), func(b *testing.B) {
			f := filled(b, n, storeDefault)
			in := &ssm.GetParameterInput{Name: aws.String("/aws/reference/secretsmanager/prod/db"), WithDecryption: aws.Bool(true)}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := f.c.GetParameter(ctx, in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkGetParametersByPath reads one page of 10, one level and
// recursive.
func BenchmarkGetParametersByPath(b *testing.B) {
	ctx := context.Background()
	for _, n := range sizes {
		for _, rec := range []bool{false, true} {
			b.Run(fmt.Sprintf("recursive=%v/n=%.0e", rec, float64(n)), func(b *testing.B) {
				f := filled(b, n, storeDefault)
				path := "/svc42"
				if rec {
					path = "/"
				}
				in := &ssm.GetParametersByPathInput{Path: aws.String(path), Recursive: aws.Bool(rec), MaxResults: aws.Int32(10)}
				b.ReportAllocs()
				for b.Loop() {
					out, err := f.c.GetParametersByPath(ctx, in)
					if err != nil || len(out.Parameters) != 10 {
						b.Fatalf("%d parameters, %v", len(out.Parameters), err)
					}
				}
			})
		}
	}
}

func BenchmarkDescribeParametersBeginsWith(b *testing.B) {
	ctx := context.Background()
	for _, n := range sizes {
		b.Run(fmt.Sprintf("n=%.0e", float64(n)), func(b *testing.B) {
			f := filled(b, n, storeDefault)
			in := &ssm.DescribeParametersInput{MaxResults: aws.Int32(10), ParameterFilters: []types.ParameterStringFilter{
				{Key: aws.String("Name"), Option: aws.String("BeginsWith"), Values: []string{"/svc42/"}}}}
			b.ReportAllocs()
			for b.Loop() {
				out, err := f.c.DescribeParameters(ctx, in)
				if err != nil || len(out.Parameters) != 10 {
					b.Fatalf("%d parameters, %v", len(out.Parameters), err)
				}
			}
		})
	}
}

// BenchmarkPutParameterOverwrite overwrites one parameter that keeps 100
// versions (the oldest dropped on each put).
func BenchmarkPutParameterOverwrite(b *testing.B) {
	ctx := context.Background()
	for _, n := range sizes {
		b.Run(fmt.Sprintf("n=%.0e", float64(n)), func(b *testing.B) {
			f := filled(b, n, storeDefault)
			name := fmt.Sprintf("/bench/overwrite/n%d", n)
			in := &ssm.PutParameterInput{Name: aws.String(name), Value: aws.String("v"), Type: types.ParameterTypeString, Overwrite: aws.Bool(true)}
			for range 120 {
				if _, err := f.c.PutParameter(ctx, in); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := f.c.PutParameter(ctx, in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// readParameter is the reader of the parallel benchmarks: GetParameter of
// one parameter, over and over.
func readParameter(b *testing.B, c *ssmfake.Client) func(*testing.PB) {
	return func(pb *testing.PB) {
		ctx := context.Background()
		in := &ssm.GetParameterInput{Name: aws.String("/svc07/p0000007")}
		for pb.Next() {
			if _, err := c.GetParameter(ctx, in); err != nil {
				b.Error(err)
				return
			}
		}
	}
}

// heaps are the process heaps the parallel benchmarks run with: the Store
// of 1,000 parameters alone (about 2 MiB live, so the collector runs every
// few megabytes allocated), and the same with 64 MiB more held live, as in
// a test binary with more in it (the collector then runs every 64 MiB or
// so). The extra memory holds no pointers, so it costs the collector
// nothing to mark.
var heaps = []struct {
	name  string
	bytes int
}{{"heap=store", 0}, {"heap=64MiB", 64 << 20}}

// heapSink keeps the extra heap of a parallel benchmark live.
var heapSink []byte

// onHeaps runs run as one sub-benchmark per store kind and heap, on the
// Store of 1,000 parameters, with the timer reset.
func onHeaps(b *testing.B, run func(b *testing.B, f *filledStore)) {
	for _, s := range []store{storeDefault, storeLogOff} {
		for _, h := range heaps {
			b.Run(s.name+"/"+h.name, func(b *testing.B) {
				f := filled(b, 1_000, s)
				heapSink = make([]byte, h.bytes)
				defer func() { heapSink = nil }()
				b.ReportAllocs()
				b.ResetTimer()
				run(b, f)
				b.StopTimer()
				f.st.ClearCalls()
			})
		}
	}
}

// BenchmarkParallelReadsOnly reads from every core with no writer: compare
// ns/op at -cpu 1 and -cpu 2.
func BenchmarkParallelReadsOnly(b *testing.B) {
	onHeaps(b, func(b *testing.B, f *filledStore) {
		b.RunParallel(readParameter(b, f.c))
	})
}

// BenchmarkParallelReads reads from every core while one goroutine
// overwrites a parameter as fast as it can: compare ns/op (per read) at
// -cpu 1 and -cpu 2, and the writer's writes/s.
func BenchmarkParallelReads(b *testing.B) {
	onHeaps(b, func(b *testing.B, f *filledStore) {
		ctx := context.Background()
		stop := make(chan struct{})
		done := make(chan struct{})
		var writes int
		go func() {
			defer close(done)
			in := &ssm.PutParameterInput{Name: aws.String("/bench/writer"), Value: aws.String("v"), Type: types.ParameterTypeString, Overwrite: aws.Bool(true)}
			for {
				select {
				case <-stop:
					return
				default:
					f.c.PutParameter(ctx, in)
					writes++
				}
			}
		}()
		b.RunParallel(readParameter(b, f.c))
		b.StopTimer()
		close(stop)
		<-done
		b.ReportMetric(float64(writes)/b.Elapsed().Seconds(), "writes/s")
	})
}

// BenchmarkParallelReadMostly reads from every core, and every goroutine
// overwrites a parameter once in 100 calls, as the sync package's
// BenchmarkRWMutexWrite100 does: the writes grow with the reads, so the
// mix, not the scheduler's share for a dedicated writer, sets the figure.
// Compare ns/op at -cpu 1 and -cpu 2.
func BenchmarkParallelReadMostly(b *testing.B) {
	onHeaps(b, func(b *testing.B, f *filledStore) {
		b.RunParallel(func(pb *testing.PB) {
			ctx := context.Background()
			get := &ssm.GetParameterInput{Name: aws.String("/svc07/p0000007")}
			put := &ssm.PutParameterInput{Name: aws.String("/bench/writer"), Value: aws.String("v"), Type: types.ParameterTypeString, Overwrite: aws.Bool(true)}
			for i := 0; pb.Next(); i++ {
				var err error
				if i%100 == 99 {
					_, err = f.c.PutParameter(ctx, put)
				} else {
					_, err = f.c.GetParameter(ctx, get)
				}
				if err != nil {
					b.Error(err)
					return
				}
			}
		})
	})
}
