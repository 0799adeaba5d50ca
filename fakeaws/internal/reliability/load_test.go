package reliability_test

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/endpoint"
)

const (
	loadClients  = 8
	loadOps      = 250 // per client and round; two rounds make 8 × 500
	loadNames    = 10  // parameters per client
	loadDeadline = 20 * time.Second
)

// loadRound runs loadClients clients of loadOps mixed operations each and
// returns, per name, the last value each client had acknowledged.
func loadRound(ctx context.Context, t *testing.T, ssmc *ssm.Client, smc *secretsmanager.Client, round int) (params, secrets map[string]string) {
	t.Helper()
	var mu sync.Mutex
	params, secrets = map[string]string{}, map[string]string{}
	errs := make(chan error, loadClients)
	var wg sync.WaitGroup
	for c := range loadClients {
		wg.Go(func() {
			secret := fmt.Sprintf("load/c%d", c)
			for i := range loadOps {
				name := fmt.Sprintf("/load/c%d/p%d", c, i%loadNames)
				value := fmt.Sprintf("r%d-c%d-%d", round, c, i)
				var err error
				switch i % 6 {
				case 0, 1:
					_, err = ssmc.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String(name), Value: aws.String(value),
						Type: ssmtypes.ParameterTypeString, Overwrite: aws.Bool(true)})
					if err == nil {
						mu.Lock()
						params[name] = value
						mu.Unlock()
					}
				case 2:
					_, err = smc.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{SecretId: aws.String(secret), SecretString: aws.String(value)})
					if err == nil {
						mu.Lock()
						secrets[secret] = value
						mu.Unlock()
					}
				case 3:
					_, err = ssmc.GetParametersByPath(ctx, &ssm.GetParametersByPathInput{Path: aws.String(fmt.Sprintf("/load/c%d", c))})
				case 4:
					_, err = smc.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String(secret)})
				case 5:
					_, err = ssmc.GetParameters(ctx, &ssm.GetParametersInput{Names: []string{name, "/load/none"}})
				}
				if err != nil {
					errs <- fmt.Errorf("client %d op %d: %w", c, i, err)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	return params, secrets
}

func heapAfterGC() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// TestLoad drives the loopback server with 8 concurrent SDK clients, two
// equal rounds of mixed reads and writes, under a hard deadline: no call
// fails, every acknowledged write reads back, and the heap after the second
// round stays within a generous bound of the first.
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("load test: run without -short")
	}
	ctx, cancel := context.WithTimeout(context.Background(), loadDeadline)
	defer cancel()
	st := fakeaws.New(fakeaws.WithSeed(7))
	srv := endpoint.NewServer(st)
	defer srv.Close()
	cfg := srv.Config()
	ssmc, smc := ssm.NewFromConfig(cfg), secretsmanager.NewFromConfig(cfg)
	for c := range loadClients {
		if _, err := smc.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String(fmt.Sprintf("load/c%d", c)), SecretString: aws.String("first")}); err != nil {
			t.Fatal(err)
		}
	}
	var heaps []uint64
	for round := range 2 {
		params, secrets := loadRound(ctx, t, ssmc, smc, round)
		if t.Failed() {
			t.FailNow()
		}
		for name, want := range params {
			out, err := ssmc.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(name)})
			if err != nil || aws.ToString(out.Parameter.Value) != want {
				t.Fatalf("round %d: acknowledged %s = %q, read back %v, %v", round, name, want, out, err)
			}
		}
		for id, want := range secrets {
			out, err := smc.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String(id)})
			if err != nil || aws.ToString(out.SecretString) != want {
				t.Fatalf("round %d: acknowledged %s = %q, read back %v, %v", round, id, want, out, err)
			}
		}
		heaps = append(heaps, heapAfterGC())
	}
	t.Logf("heap after round 1: %d KiB, after round 2: %d KiB", heaps[0]>>10, heaps[1]>>10)
	if limit := 2*heaps[0] + 16<<20; heaps[1] > limit {
		t.Errorf("heap grew from %d to %d bytes between two equal rounds (limit %d)", heaps[0], heaps[1], limit)
	}
	if err := ctx.Err(); err != nil {
		t.Fatalf("load test overran its %v deadline: %v", loadDeadline, err)
	}
}
