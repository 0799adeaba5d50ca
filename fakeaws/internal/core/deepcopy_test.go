package core

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	smtypes "github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestDeepCopySharesNothing(t *testing.T) {
	t.Parallel()
	in := &secretsmanager.ListSecretsOutput{
		SecretList: []smtypes.SecretListEntry{{
			Name:                   aws.String("a"),
			CreatedDate:            aws.Time(time.Unix(1, 0)),
			SecretVersionsToStages: map[string][]string{"v1": {"AWSCURRENT"}},
			Tags:                   []smtypes.Tag{{Key: aws.String("k"), Value: aws.String("v")}},
		}},
		NextToken: aws.String("t"),
	}
	got := DeepCopy(in)
	opts := cmpopts.IgnoreUnexported(secretsmanager.ListSecretsOutput{}, smtypes.SecretListEntry{}, smtypes.Tag{})
	if diff := cmp.Diff(in, got, opts, cmpopts.IgnoreFields(secretsmanager.ListSecretsOutput{}, "ResultMetadata")); diff != "" {
		t.Fatalf("copy differs (-orig +copy):\n%s", diff)
	}
	// Change every level of the copy; the original must not move.
	*got.SecretList[0].Name = "changed"
	got.SecretList[0].SecretVersionsToStages["v1"][0] = "X"
	*got.SecretList[0].Tags[0].Key = "changed"
	*got.NextToken = "changed"
	if *in.SecretList[0].Name != "a" || in.SecretList[0].SecretVersionsToStages["v1"][0] != "AWSCURRENT" ||
		*in.SecretList[0].Tags[0].Key != "k" || *in.NextToken != "t" {
		t.Fatalf("original changed through the copy: %+v", in.SecretList[0])
	}
	b := []byte("xyz")
	bc := DeepCopy(b)
	bc[0] = 'Q'
	if string(b) != "xyz" {
		t.Fatalf("byte slice shared: %q", b)
	}
	if DeepCopyAny(nil) != nil {
		t.Fatal("DeepCopyAny(nil) != nil")
	}
}
