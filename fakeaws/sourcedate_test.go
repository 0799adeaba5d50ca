package fakeaws_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/clock"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/paramstore"
	"github.com/fakeaws/fakeaws-go/fakeaws/smfake"
	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

// The bridge writes SourceResult's createdDate in AWS's 2021 layout unless
// WithSourceResultDate says otherwise (docs/aws-behaviour.md §1.2;
// recorded-2021.md, article-scenario.md).
func TestWithSourceResultDate(t *testing.T) {
	t.Parallel()
	if fakeaws.SourceResultDate2021 != paramstore.SourceDate2021 || fakeaws.SourceResultDate2018 != paramstore.SourceDate2018 {
		t.Fatal("the exported layouts differ from the engine's")
	}
	at := time.Date(2021, 10, 14, 22, 18, 47, 297e6, time.UTC)
	for _, tc := range []struct {
		name string
		opts []fakeaws.Option
		want string
	}{
		{"default: 2021", nil, `"createdDate":"Oct 14, 2021, 10:18:47 PM"}`},
		{"2021", []fakeaws.Option{fakeaws.WithSourceResultDate(fakeaws.SourceResultDate2021)}, `"createdDate":"Oct 14, 2021, 10:18:47 PM"}`},
		{"2018", []fakeaws.Option{fakeaws.WithSourceResultDate(fakeaws.SourceResultDate2018)}, `"createdDate":"Oct 14, 2021 10:18:47 PM"}`},
		{"a layout of one's own", []fakeaws.Option{fakeaws.WithSourceResultDate(time.RFC3339)}, `"createdDate":"2021-10-14T22:18:47Z"}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			st := fakeaws.New(append([]fakeaws.Option{fakeaws.WithClock(clock.NewFake(at))}, tc.opts...)...)
			ctx := context.Background()
			if _, err := smfake.New(st).CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("s"), SecretString: aws.String("v")}); err != nil {
				t.Fatal(err)
			}
			out, err := ssmfake.New(st).GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/aws/reference/secretsmanager/s"), WithDecryption: aws.Bool(true)})
			if err != nil {
				t.Fatal(err)
			}
			if got := aws.ToString(out.Parameter.SourceResult); !strings.HasSuffix(got, tc.want) {
				t.Errorf("SourceResult %s, want it to end %s", got, tc.want)
			}
		})
	}
}
