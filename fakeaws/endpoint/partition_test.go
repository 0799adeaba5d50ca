package endpoint

import (
	"context"
	"errors"
	"fmt"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/smithy-go"

	"github.com/fakeaws/fakeaws-go/fakeaws"
)

// TestPartitionFromSigV4 checks that the region comes from the request's
// credential scope and the account from its access key (DESIGN: state is
// partitioned by account and region, as in AWS).
func TestPartitionFromSigV4(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		region    string // client region ("" keeps the Config's)
		accessKey string // "" keeps the Config's
		want      partition
	}{
		{"Config signs for the Store's region and account", "", "", partition{"123456789012", "eu-central-1", "arn:aws:iam::123456789012:user/123456789012"}},
		{"a client made for another region reaches that region", "ap-south-1", "", partition{"123456789012", "ap-south-1", "arn:aws:iam::123456789012:user/123456789012"}},
		{"a twelve-digit access key is the account", "", "210987654321", partition{"210987654321", "eu-central-1", "arn:aws:iam::210987654321:user/210987654321"}},
		{"a mapped access key gets its account", "us-west-2", "AKIAMAPPED", partition{"555555555555", "us-west-2", "arn:aws:iam::555555555555:user/AKIAMAPPED"}},
		{"any other access key gets the Store's account", "", "AKIAOTHER", partition{"123456789012", "eu-central-1", "arn:aws:iam::123456789012:user/AKIAOTHER"}},
	}
	st := fakeaws.New(fakeaws.WithRegion("eu-central-1"))
	s := newStub(nil)
	h := newStubHandler(st, s, WithAccountForKey("AKIAMAPPED", "555555555555"))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := stubConfig(st, h)
			if tt.accessKey != "" {
				cfg.Credentials = staticCredentials(tt.accessKey)
			}
			c := ssm.NewFromConfig(cfg, func(o *ssm.Options) {
				if tt.region != "" {
					o.Region = tt.region
				}
			})
			if _, err := c.GetParameter(context.Background(), &ssm.GetParameterInput{Name: aws.String("p")}); err != nil {
				t.Fatal(err)
			}
			if _, got := s.input("AmazonSSM.GetParameter"); got != tt.want {
				t.Errorf("partition = %+v, want %+v", got, tt.want)
			}
		})
	}
	t.Run("an unsigned request gets the Store's defaults", func(t *testing.T) {
		req := httptest.NewRequest("POST", "/", strings.NewReader(`{"Name":"p"}`))
		req.Header.Set("X-Amz-Target", "AmazonSSM.GetParameter")
		record(t, h, req)
		if _, got := s.input("AmazonSSM.GetParameter"); got != (partition{"123456789012", "eu-central-1", ""}) {
			t.Errorf("partition = %+v", got)
		}
	})
}

// TestParallelClients runs many real clients at once over one in-memory
// Config and one loopback server (run with -race).
func TestParallelClients(t *testing.T) {
	t.Parallel()
	st := fakeaws.New()
	h := newStubHandler(st, newStub(nil))
	srv := NewServer(st)
	t.Cleanup(srv.Close) // after the parallel subtests
	cfgs := map[string]aws.Config{"config": stubConfig(st, h), "server": srv.Config()}
	for name, cfg := range cfgs {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var wg sync.WaitGroup
			errs := make(chan error, 16*4*2)
			for i := range 16 {
				wg.Go(func() {
					ssmc, smc := ssm.NewFromConfig(cfg), secretsmanager.NewFromConfig(cfg)
					for j := range 4 {
						// Over the server the answers come from the real
						// fakes: a missing parameter or secret is an API
						// error; anything else is a failure.
						_, err1 := ssmc.GetParameter(context.Background(), &ssm.GetParameterInput{Name: aws.String(fmt.Sprintf("/p/%d/%d", i, j))})
						_, err2 := smc.GetSecretValue(context.Background(), &secretsmanager.GetSecretValueInput{SecretId: aws.String("s")})
						for _, err := range []error{err1, err2} {
							var api smithy.APIError
							if err != nil && (name == "config" || !errors.As(err, &api)) {
								errs <- err
							}
						}
					}
				})
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Error(err)
			}
		})
	}
}
