package fakeaws_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/smfake"
	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

// TestStoreMethodsRaceWithCalls runs every Store method that touches state
// (Snapshot, Restore, Dump, Load, Reset, Calls, ClearCalls, SetPolicy,
// ClearPolicies, SetRotationFunc, React, FailNext, FailAlways, ClearFaults)
// while writers and readers are busy on the same Store: puts, labels,
// deletes, secret values and stage moves, rotations, and reads (of which
// GetSecretValue records LastAccessedDate), some as a principal so that
// policies are read. Under -race, any of them that reads or writes shared
// state without its lock is reported; without -race it still checks that
// nothing deadlocks or panics and that the Store answers afterwards.
func TestStoreMethodsRaceWithCalls(t *testing.T) {
	t.Parallel()
	const rounds = 40
	st := fakeaws.New(fakeaws.WithSeed(7))
	ctx := context.Background()
	ssmc, smc := ssmfake.New(st), smfake.New(st)
	ssmAs, smAs := ssmfake.New(st, ssmfake.WithPrincipal("arn:aws:iam::123456789012:user/ci")), smfake.New(st, smfake.WithPrincipal("arn:aws:iam::123456789012:user/ci"))
	const lambda = "arn:aws:lambda:us-east-1:123456789012:function:rotate"
	st.SetRotationFunc(lambda, func(context.Context, fakeaws.RotationEvent) error { return nil })
	if _, err := smc.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("rot"), SecretString: aws.String("v")}); err != nil {
		t.Fatal(err)
	}
	var seed bytes.Buffer
	if err := st.Dump(&seed); err != nil {
		t.Fatal(err)
	}

	// The controls start once every worker has made its first round of
	// calls (the one point where they synchronise), so that they overlap.
	stop := make(chan struct{})
	var busy, warm, control sync.WaitGroup
	worker := func(f func(i int)) {
		warm.Add(1)
		busy.Go(func() {
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				f(i)
				if i == 0 {
					warm.Done()
				}
			}
		})
	}
	// Writers and readers; their errors are expected (faults, policies,
	// state reset under them) and ignored: the race detector is the judge.
	worker(func(i int) {
		n := fmt.Sprintf("/race/p%d", i%5)
		ssmc.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String(n), Value: aws.String("v"), Type: ssmtypes.ParameterTypeString, Overwrite: aws.Bool(true)})
		ssmc.LabelParameterVersion(ctx, &ssm.LabelParameterVersionInput{Name: aws.String(n), Labels: []string{"L"}})
		if i%7 == 0 {
			ssmc.DeleteParameter(ctx, &ssm.DeleteParameterInput{Name: aws.String(n)})
		}
	})
	worker(func(i int) {
		n := fmt.Sprintf("race/s%d", i%5)
		smc.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String(n), SecretString: aws.String("v")})
		out, err := smc.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{SecretId: aws.String(n), SecretString: aws.String(fmt.Sprint(i))})
		if err == nil {
			smc.UpdateSecretVersionStage(ctx, &secretsmanager.UpdateSecretVersionStageInput{SecretId: aws.String(n), VersionStage: aws.String("S"), MoveToVersionId: out.VersionId})
		}
	})
	worker(func(i int) {
		// A fresh secret each time: a secret whose rotation did not finish
		// refuses the next, and Reset and Load take secrets away.
		n := aws.String(fmt.Sprintf("race/rot%d", i%4))
		smc.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: n, SecretString: aws.String("v")})
		smc.RotateSecret(ctx, &secretsmanager.RotateSecretInput{SecretId: n, RotationLambdaARN: aws.String(lambda)})
		smc.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: n, ForceDeleteWithoutRecovery: aws.Bool(true)})
	})
	for range 2 {
		worker(func(i int) {
			smc.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("rot")})
			smc.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String("rot")})
			smc.ListSecrets(ctx, &secretsmanager.ListSecretsInput{})
			ssmc.GetParametersByPath(ctx, &ssm.GetParametersByPathInput{Path: aws.String("/race"), Recursive: aws.Bool(true)})
			ssmc.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/aws/reference/secretsmanager/rot")})
			ssmAs.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/race/p1")})
			smAs.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("rot")})
		})
	}

	fault := errors.New("planned fault")
	controls := map[string]func(i int){
		"Snapshot and Restore": func(i int) {
			snap := st.Snapshot()
			if err := st.Restore(snap); err != nil {
				t.Errorf("Restore: %v", err)
			}
		},
		"Dump and Load": func(i int) {
			var b bytes.Buffer
			if err := st.Dump(&b); err != nil {
				t.Errorf("Dump: %v", err)
			}
			if i%3 == 0 {
				b = *bytes.NewBuffer(seed.Bytes())
			}
			if err := st.Load(&b); err != nil {
				t.Errorf("Load: %v", err)
			}
		},
		"Reset": func(i int) {
			if i%5 == 0 {
				st.Reset()
			}
		},
		"Calls and ClearCalls": func(i int) {
			for _, c := range st.Calls() {
				_ = c.Op.Name()
			}
			if i%4 == 0 {
				st.ClearCalls()
			}
		},
		"SetPolicy and ClearPolicies": func(i int) {
			st.SetPolicy("arn:aws:iam::123456789012:user/ci", &fakeaws.Policy{Statement: []fakeaws.Statement{
				{Effect: fakeaws.Allow, Action: []string{"ssm:*", "secretsmanager:*"}, Resource: []string{"*"}}}})
			st.SetPolicy(fakeaws.AnyPrincipal, nil)
			if i%3 == 0 {
				st.ClearPolicies()
			}
		},
		"SetRotationFunc": func(i int) {
			if i%2 == 0 {
				st.SetRotationFunc(lambda, func(context.Context, fakeaws.RotationEvent) error { return nil })
			} else {
				st.SetRotationFunc(fmt.Sprint(lambda, i), nil)
			}
			spin() // as for the faults below
		},
		"React, FailNext, FailAlways and ClearFaults": func(i int) {
			// One change a round, with work in between that shares
			// nothing (spin): the registry's counter and lock order the
			// workers' earlier reads before each change, so a change
			// made without the lock shows only when a read falls between
			// two changes.
			switch i % 3 {
			case 0:
				st.React(smfake.OpDescribeSecret, func(context.Context, any) (any, bool, error) { return nil, false, nil })
			case 1:
				// On an operation no worker calls: a worker using up a
				// one-shot fault takes the registry's lock, which would
				// order its reads before the next change.
				st.FailNext(ssmfake.OpAddTagsToResource, fault)
			case 2:
				st.FailAlways(ssmfake.OpGetParametersByPath, fault)
			}
			// Work that shares nothing with the Store, so that reads
			// happen between two changes.
			spin()
			if i%4 == 3 {
				st.ClearFaults()
			}
		},
	}
	warm.Wait()
	for _, f := range controls {
		control.Go(func() {
			for i := range rounds {
				f(i)
			}
		})
	}
	control.Wait()
	close(stop)
	busy.Wait()

	// The Store still works and its state still round-trips.
	st.ClearFaults()
	st.ClearPolicies()
	if _, err := ssmc.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/after"), Value: aws.String("v"), Type: ssmtypes.ParameterTypeString, Overwrite: aws.Bool(true)}); err != nil {
		t.Fatalf("PutParameter after the run: %v", err)
	}
	var b bytes.Buffer
	if err := st.Dump(&b); err != nil {
		t.Fatal(err)
	}
	if err := fakeaws.New().Load(&b); err != nil {
		t.Fatalf("the state after the run does not load: %v", err)
	}
	if len(st.Calls()) == 0 {
		t.Errorf("the call log is empty after the run")
	}
}

// spin does work that touches nothing shared: a pause that creates no
// happens-before edge with any other goroutine, as a lock or atomic would.
func spin() {
	b := make([]byte, 1<<16)
	for range 100 {
		s := sha256.Sum256(b)
		b[0] = s[0]
	}
}
