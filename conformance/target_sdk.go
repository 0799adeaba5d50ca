package conformance

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"

	"github.com/fakeaws/fakeaws-go/fakeaws/clock"
	"github.com/fakeaws/fakeaws-go/fakeaws/endpoint"
)

// sdkTarget is the real SDK clients over some transport to a Store.
type sdkTarget struct {
	clk  *clock.Fake
	ssmc *ssm.Client
	smc  *secretsmanager.Client
	wire *bodyRecorder
}

func newSDKTarget(clk *clock.Fake, cfg aws.Config) *sdkTarget {
	// One attempt: a scenario checks the first answer, and a retried write
	// would hide what the Store did.
	cfg.RetryMaxAttempts = 1
	rec := &bodyRecorder{next: cfg.HTTPClient}
	cfg.HTTPClient = rec
	return &sdkTarget{clk: clk, ssmc: ssm.NewFromConfig(cfg), smc: secretsmanager.NewFromConfig(cfg), wire: rec}
}

// bodyRecorder is an aws.HTTPClient that keeps the body of the last
// successful answer, as it came over the wire, and hands the SDK a copy.
type bodyRecorder struct {
	next aws.HTTPClient
	mu   sync.Mutex
	last []byte
}

func (r *bodyRecorder) Do(req *http.Request) (*http.Response, error) {
	res, err := r.next.Do(req)
	if err != nil || res.StatusCode != http.StatusOK {
		return res, err
	}
	body, err := io.ReadAll(res.Body)
	res.Body.Close()
	if err != nil {
		return nil, err
	}
	res.Body = io.NopCloser(bytes.NewReader(body))
	r.mu.Lock()
	r.last = body
	r.mu.Unlock()
	return res, nil
}

func (r *bodyRecorder) lastBody() []byte {
	r.mu.Lock()
	defer r.mu.Unlock()
	return bytes.Clone(r.last)
}

// LastAnswer returns the body of the last successful answer (WireTarget).
func (s *sdkTarget) LastAnswer() []byte { return s.wire.lastBody() }

// SDKConfig is the target of the real SDK clients (ssm.Client,
// secretsmanager.Client) over endpoint.Config: the SDK's own serialisation,
// validation, signing and error decoding, served in memory.
func SDKConfig(tb testing.TB, env Env) Target {
	st, clk := NewStore(env)
	return newSDKTarget(clk, endpoint.Config(st))
}

// SDKServer is the target of the real SDK clients over endpoint.NewServer,
// a loopback HTTP server.
func SDKServer(tb testing.TB, env Env) Target {
	st, clk := NewStore(env)
	srv := endpoint.NewServer(st)
	tb.Cleanup(srv.Close)
	return newSDKTarget(clk, srv.Config())
}

func (s *sdkTarget) Call(ctx context.Context, svc Service, op string, in any) (any, error) {
	switch svc {
	case SSM:
		return call(ctx, s.ssmc, op, in)
	case SecretsManager:
		return call(ctx, s.smc, op, in)
	}
	return nil, fmt.Errorf("unknown service %q", svc)
}

func (s *sdkTarget) SetTime(t time.Time) error {
	s.clk.Set(t)
	return nil
}
