// Package smfake is a fake AWS Secrets Manager client: Client has the methods
// of *secretsmanager.Client, with the same signatures, answering from a
// fakeaws.Store as AWS would.
//
//	st := fakeaws.New()
//	smc := smfake.New(st)
//	out, err := smc.CreateSecret(ctx, &secretsmanager.CreateSecretInput{
//		Name: aws.String("prod/App/Mysql"), SecretString: aws.String(`{"key":"val"}`),
//	})
//
// Code that takes a narrow interface satisfied by *secretsmanager.Client takes
// a *smfake.Client too. Errors are the SDK's own typed errors
// (*types.ResourceNotFoundException, ...) with AWS's messages, wrapped as the
// real client wraps them. Functional options passed per call are accepted and
// ignored.
package smfake

import (
	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/engine"
)

// Client is a Secrets Manager client bound to one account and region of a
// Store. It is safe for concurrent use.
type Client struct {
	e *engine.Engine
	p *engine.Partition
}

type config struct{ region, account, principal string }

// Option configures a Client.
type Option func(*config)

// WithRegion binds the client to region (default: the Store's region).
func WithRegion(region string) Option { return func(c *config) { c.region = region } }

// WithAccount binds the client to account (default: the Store's account).
func WithAccount(account string) Option { return func(c *config) { c.account = account } }

// WithPrincipal makes the client call as principal, an IAM ARN such as
// arn:aws:iam::123456789012:user/ci: when the Store has an access policy
// for it (fakeaws.Store.SetPolicy), every call is checked against it.
func WithPrincipal(principal string) Option { return func(c *config) { c.principal = principal } }

// New returns a client of st.
func New(st *fakeaws.Store, opts ...Option) *Client {
	var c config
	for _, o := range opts {
		o(&c)
	}
	e := st.Engine(engine.Access{})
	return &Client{e: e, p: e.Partition(c.account, c.region).As(c.principal)}
}
