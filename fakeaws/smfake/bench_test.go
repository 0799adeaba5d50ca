package smfake_test

import (
	"bytes"
	"context"
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/clock"
	"github.com/fakeaws/fakeaws-go/fakeaws/smfake"
)

// Store sizes for the scale benchmarks: a cost that does not grow with the
// Store reads the same at both.
var sizes = []int{1_000, 1_000_000}

type filledStore struct {
	st        *fakeaws.Store
	c         *smfake.Client
	bytesEach float64 // heap bytes per secret (one version), value included
}

var (
	fillMu sync.Mutex
	fills  = map[int]*filledStore{}
)

// filled returns a default Store holding n secrets named app<i%100>/s<i>
// with a 16-byte value each, built once per process and size; the call log
// is emptied after the fill.
func filled(b *testing.B, n int) *filledStore {
	b.Helper()
	fillMu.Lock()
	defer fillMu.Unlock()
	if f := fills[n]; f != nil {
		return f
	}
	ctx := context.Background()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	st := fakeaws.New()
	c := smfake.New(st)
	for i := range n {
		if _, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{
			Name: aws.String(fmt.Sprintf("app%02d/s%07d", i%100, i)), SecretString: aws.String("secret-value-016"),
		}); err != nil {
			b.Fatal(err)
		}
	}
	st.ClearCalls()
	runtime.GC()
	runtime.ReadMemStats(&after)
	f := &filledStore{st: st, c: c, bytesEach: float64(after.HeapAlloc-before.HeapAlloc) / float64(n)}
	fills[n] = f
	return f
}

func BenchmarkGetSecretValue(b *testing.B) {
	ctx := context.Background()
	for _, n := range sizes {
		b.Run(fmt.Sprintf("n=%.0e", float64(n)), func(b *testing.B) {
			f := filled(b, n)
			in := &secretsmanager.GetSecretValueInput{SecretId: aws.String("app07/s0000007")}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := f.c.GetSecretValue(ctx, in); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(f.bytesEach, "heapB/secret")
		})
	}
}

// BenchmarkListSecretsNameFilter reads one page of 10 secrets whose names
// begin with a prefix.
func BenchmarkListSecretsNameFilter(b *testing.B) {
	ctx := context.Background()
	for _, n := range sizes {
		b.Run(fmt.Sprintf("n=%.0e", float64(n)), func(b *testing.B) {
			f := filled(b, n)
			in := &secretsmanager.ListSecretsInput{MaxResults: aws.Int32(10),
				Filters: []types.Filter{{Key: types.FilterNameStringTypeName, Values: []string{"app42/"}}}}
			b.ReportAllocs()
			for b.Loop() {
				out, err := f.c.ListSecrets(ctx, in)
				if err != nil || len(out.SecretList) != 10 {
					b.Fatalf("%d secrets, %v", len(out.SecretList), err)
				}
			}
		})
	}
}

// BenchmarkPutSecretValue adds a version to a secret in steady state: the
// Store's clock moves an hour per put, so deprecated versions older than
// 24 h are pruned past 100 as AWS does, and the secret holds about 100.
func BenchmarkPutSecretValue(b *testing.B) {
	ctx := context.Background()
	for _, n := range sizes {
		b.Run(fmt.Sprintf("n=%.0e", float64(n)), func(b *testing.B) {
			f := filled(b, n)
			clk := clock.NewFake(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC))
			st := fakeaws.New(fakeaws.WithClock(clk))
			c := smfake.New(st)
			// The big Store's secrets share the index sizes under test: load them.
			var dump bytes.Buffer
			if err := f.st.Dump(&dump); err != nil {
				b.Fatal(err)
			}
			if err := st.Load(&dump); err != nil {
				b.Fatal(err)
			}
			id := aws.String("bench/put")
			if _, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: id, SecretString: aws.String("v")}); err != nil {
				b.Fatal(err)
			}
			in := &secretsmanager.PutSecretValueInput{SecretId: id, SecretString: aws.String("v2")}
			for range 150 {
				clk.Advance(time.Hour)
				if _, err := c.PutSecretValue(ctx, in); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportAllocs()
			for b.Loop() {
				clk.Advance(time.Hour)
				if _, err := c.PutSecretValue(ctx, in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
