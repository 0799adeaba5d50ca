package reliability_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/aws/smithy-go/middleware"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
	"github.com/fakeaws/fakeaws-go/fakeaws/smfake"
	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

// TestGetSecretValueOutputIsACopy: changing GetSecretValue's VersionStages
// and SecretBinary in place does not change the Store (DESIGN: copies at
// every boundary).
func TestGetSecretValueOutputIsACopy(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c := smfake.New(fakeaws.New())
	if _, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("b"), SecretBinary: []byte{1, 2, 3}}); err != nil {
		t.Fatal(err)
	}
	first, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("b")})
	if err != nil {
		t.Fatal(err)
	}
	first.VersionStages[0] = "MUTATED"
	first.SecretBinary[0] = 99
	again, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("b")})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"AWSCURRENT"}, again.VersionStages); diff != "" {
		t.Errorf("VersionStages (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]byte{1, 2, 3}, again.SecretBinary); diff != "" {
		t.Errorf("SecretBinary (-want +got):\n%s", diff)
	}
}

// TestAnswersAreCopies: writing through every pointer of a GetSecretValue
// answer and a GetParameter answer (of a parameter and of a reference), and appending to its slices, changes neither
// the Store nor the next answer (DESIGN: copies at every boundary). Both
// answers are built in memory allocated before the lock.
func TestAnswersAreCopies(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := fakeaws.New()
	sc, pc := smfake.New(st), ssmfake.New(st)
	if _, err := sc.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("s"), SecretString: aws.String("v1")}); err != nil {
		t.Fatal(err)
	}
	if _, err := pc.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/p"), Value: aws.String("v1"), Type: ssmtypes.ParameterTypeString}); err != nil {
		t.Fatal(err)
	}
	getSecret := func() *secretsmanager.GetSecretValueOutput {
		out, err := sc.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("s")})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	getParam := func() *ssm.GetParameterOutput {
		out, err := pc.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/p")})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	getRef := func() *ssm.GetParameterOutput {
		out, err := pc.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/aws/reference/secretsmanager/s:AWSCURRENT"), WithDecryption: aws.Bool(true)})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	ignore := cmp.Options{
		cmpopts.IgnoreUnexported(secretsmanager.GetSecretValueOutput{}, ssm.GetParameterOutput{}, ssmtypes.Parameter{}),
		cmpopts.IgnoreTypes(middleware.Metadata{}),
	}
	// Deep copies: were an answer to share memory with the Store, the
	// wanted values would change with it.
	wantSecret, wantParam, wantRef := core.DeepCopy(getSecret()), core.DeepCopy(getParam()), core.DeepCopy(getRef())

	s := getSecret()
	*s.ARN, *s.Name, *s.VersionId, *s.SecretString = "x", "x", "x", "x"
	*s.CreatedDate = s.CreatedDate.AddDate(-1, 0, 0)
	s.VersionStages[0] = "MUTATED"
	_ = append(s.VersionStages[:0], "MUTATED")
	p := getParam()
	*p.Parameter.ARN, *p.Parameter.Name, *p.Parameter.Value, *p.Parameter.DataType = "x", "x", "x", "x"
	*p.Parameter.LastModifiedDate = p.Parameter.LastModifiedDate.AddDate(-1, 0, 0)
	p.Parameter.Version = 99
	r := getRef()
	*r.Parameter.ARN, *r.Parameter.Name, *r.Parameter.Value, *r.Parameter.SourceResult, *r.Parameter.Selector = "x", "x", "x", "x", "x"
	*r.Parameter.LastModifiedDate = r.Parameter.LastModifiedDate.AddDate(-1, 0, 0)

	if diff := cmp.Diff(wantSecret, getSecret(), ignore); diff != "" {
		t.Errorf("GetSecretValue after the answer was changed (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wantParam, getParam(), ignore); diff != "" {
		t.Errorf("GetParameter after the answer was changed (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wantRef, getRef(), ignore); diff != "" {
		t.Errorf("GetParameter of a reference after the answer was changed (-want +got):\n%s", diff)
	}
}
