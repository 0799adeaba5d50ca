package conformance

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/clock"
	"github.com/fakeaws/fakeaws-go/fakeaws/smfake"
	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

// NewStore returns a fresh Store set up as env says, and its fake clock.
func NewStore(env Env) (*fakeaws.Store, *clock.Fake) {
	clk := clock.NewFake(env.Start)
	st := fakeaws.New(
		fakeaws.WithClock(clk),
		fakeaws.WithRegion(env.Region),
		fakeaws.WithAccount(env.Account),
		fakeaws.WithVersionIDs(env.VersionIDs...),
		fakeaws.WithARNSuffixes(env.ARNSuffixes...),
		fakeaws.WithSourceResultDate(env.SourceResultDate),
	)
	return st, clk
}

type direct struct {
	clk  *clock.Fake
	ssmc *ssmfake.Client
	smc  *smfake.Client
}

// Direct is the target of the fake clients themselves (ssmfake, smfake).
func Direct(tb testing.TB, env Env) Target {
	st, clk := NewStore(env)
	return &direct{clk: clk, ssmc: ssmfake.New(st), smc: smfake.New(st)}
}

func (d *direct) Call(ctx context.Context, svc Service, op string, in any) (any, error) {
	switch svc {
	case SSM:
		return call(ctx, d.ssmc, op, in)
	case SecretsManager:
		return call(ctx, d.smc, op, in)
	}
	return nil, fmt.Errorf("unknown service %q", svc)
}

func (d *direct) SetTime(t time.Time) error {
	d.clk.Set(t)
	return nil
}
