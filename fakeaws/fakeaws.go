// Package fakeaws is an in-memory fake of AWS Systems Manager Parameter Store
// and AWS Secrets Manager for Go tests.
//
// A Store is one fake AWS: every account and region, every parameter and
// secret. Reach it through the fake clients, whose methods carry the SDK
// clients' exact signatures:
//
//	st := fakeaws.New(fakeaws.WithRegion("eu-central-1"))
//	ssmc := ssmfake.New(st) // same methods as *ssm.Client
//	smc := smfake.New(st)   // same methods as *secretsmanager.Client
//
// or through the real SDK clients over an in-memory transport (package
// endpoint), or over a loopback server (cmd/fakeaws) for the AWS CLI. In a
// test, NewForTest(t) makes the Store and, if the test fails, logs the
// Store's recent calls with it.
//
// What is exact: values, versions, labels and stages, paging, the
// /aws/reference/secretsmanager/ bridge, and errors (the SDK's own typed
// errors with AWS's messages, wrapped as the real client wraps them). What is
// not: there is no IAM beyond identity-based policies (Store.SetPolicy), no
// KMS (SecureString ciphertext is an opaque stand-in) and no network. Times come from the Store's clock and IDs from its ID
// source, so a test can make every answer repeatable.
package fakeaws

import (
	"time"

	"github.com/fakeaws/fakeaws-go/fakeaws/clock"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/engine"
)

// Defaults of a new Store.
const (
	DefaultRegion  = "us-east-1"
	DefaultAccount = "123456789012"
)

// Store is one fake AWS: the Parameter Store and Secrets Manager state of
// every account and region, the clock and the ID source. It is safe for
// concurrent use; each operation takes its lock once.
type Store struct {
	eng *engine.Engine
}

// Engine returns the state behind the Store. It is for fakeaws's own
// packages (the fake clients and the endpoint reach the Store through it):
// its parameter's type is internal, so code outside this module cannot
// name it.
func (s *Store) Engine(engine.Access) *engine.Engine { return s.eng }

type config struct {
	clock      clock.Clock
	region     string
	account    string
	seeded     bool
	seed       uint64
	versionIDs []string
	suffixes   []string
	callLog    int
	quotas     map[string]engine.Quota // nil: no request quotas (quota.go)
	delay      time.Duration           // WithDeletionDelay
	sourceDate SourceResultDate
}

// Option configures a Store.
type Option func(*config)

// WithClock makes the Store read time from c (default: clock.Real()).
func WithClock(c clock.Clock) Option { return func(o *config) { o.clock = c } }

// WithRegion sets the region clients use when they name none (default
// us-east-1).
func WithRegion(region string) Option { return func(o *config) { o.region = region } }

// WithAccount sets the account clients use when they name none (default
// 123456789012).
func WithAccount(account string) Option { return func(o *config) { o.account = account } }

// WithSeed makes every generated ID (version IDs, ARN suffixes, request IDs,
// random passwords) a function of seed, so two Stores built with the same
// seed and fed the same calls answer the same.
func WithSeed(seed uint64) Option {
	return func(o *config) { o.seeded, o.seed = true, seed }
}

// WithVersionIDs scripts the version IDs the Store generates: the first
// secret version created without a ClientRequestToken gets ids[0], the next
// ids[1], and so on; after them IDs are generated as usual.
func WithVersionIDs(ids ...string) Option {
	return func(o *config) { o.versionIDs = append(o.versionIDs, ids...) }
}

// WithARNSuffixes scripts the suffixes of secret ARNs (normally six random
// alphanumerics): the first secret created gets suffixes[0], and so on;
// after them suffixes are generated as usual.
func WithARNSuffixes(suffixes ...string) Option {
	return func(o *config) { o.suffixes = append(o.suffixes, suffixes...) }
}

// DefaultCallLog is how many recent calls a Store's call log keeps unless
// WithCallLog says otherwise.
const DefaultCallLog = 10000

// WithCallLog sets how many recent calls the call log keeps (see
// Store.Calls); 0 turns the log off, which saves a copy of every input.
func WithCallLog(n int) Option { return func(o *config) { o.callLog = n } }

// SourceResultDate is the layout in which the /aws/reference/secretsmanager/
// bridge writes a secret version's createdDate inside SourceResult: a Go
// time layout, applied in UTC (docs/aws-behaviour.md §1.2).
type SourceResultDate string

// The layouts AWS has been recorded using.
const (
	// SourceResultDate2021 is AWS's layout in 2021 ("Oct 14, 2021,
	// 10:18:47 AM"), the newest recorded; the default.
	SourceResultDate2021 SourceResultDate = "Jan 2, 2006, 3:04:05 PM"
	// SourceResultDate2018 is AWS's layout in 2018 ("Jul 28, 2018 11:09:49
	// AM"), as the reference scenario recorded it.
	SourceResultDate2018 SourceResultDate = "Jan 2, 2006 3:04:05 PM"
)

// WithSourceResultDate sets the layout of createdDate in SourceResult
// (default SourceResultDate2021).
func WithSourceResultDate(layout SourceResultDate) Option {
	return func(o *config) { o.sourceDate = layout }
}

// New returns an empty Store.
func New(opts ...Option) *Store {
	c := config{clock: clock.Real(), region: DefaultRegion, account: DefaultAccount, callLog: DefaultCallLog}
	for _, o := range opts {
		o(&c)
	}
	return &Store{eng: engine.New(engine.Config{
		Clock:   c.clock,
		IDs:     core.NewIDs(c.seeded, c.seed, c.versionIDs, c.suffixes),
		Region:  c.region,
		Account: c.account,
		CallLog: c.callLog,

		// Opt-in behaviours of AWS (quota.go).
		Quotas:           c.quotas,
		DeletionDelay:    c.delay,
		SourceDateLayout: string(c.sourceDate),
	})}
}

// Region returns the Store's default region.
func (s *Store) Region() string { return s.eng.Region() }

// Account returns the Store's default account.
func (s *Store) Account() string { return s.eng.Account() }

// Clock returns the Store's clock.
func (s *Store) Clock() clock.Clock { return s.eng.Clock() }
