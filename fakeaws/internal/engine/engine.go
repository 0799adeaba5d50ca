// Package engine owns a Store's state: the lock, the clock, the ID source and
// the partitions (one per account and region), each holding the Secrets
// Manager and Parameter Store state. Every operation of every way in runs
// through Do, so locking, time, error wrapping (and the test controls built
// on them) live in one place.
package engine

import (
	"context"
	"sync"
	"time"

	"github.com/fakeaws/fakeaws-go/fakeaws/clock"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/paramstore"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/secrets"
)

// Config is what a Store is built from.
type Config struct {
	Clock   clock.Clock
	IDs     *core.IDs
	Region  string
	Account string
	// CallLog is how many recent calls the call log keeps; 0 turns it off.
	CallLog int
}

// Engine is the state behind one fakeaws.Store.
type Engine struct {
	clock   clock.Clock
	ids     *core.IDs
	region  string
	account string
	parts   map[partKey]*Partition
	hooks   hooks
	calls   callLog
	rot     rotations
	pol     policies

	// mu guards the partitions and everything in them: every operation takes
	// it once, the write lock for operations that change state, the read lock
	// for the others.
	mu sync.RWMutex
}

type partKey struct{ account, region string }

// Partition is the state of one account in one region. A client that acts
// as a principal (for access policies) holds a copy with Principal set: the
// copy shares the state.
type Partition struct {
	Account   string
	Region    string
	SM        *secrets.State
	SSM       *paramstore.State
	Principal string
}

// As returns p acting as principal.
func (p *Partition) As(principal string) *Partition {
	if principal == "" {
		return p
	}
	cp := *p
	cp.Principal = principal
	return &cp
}

// New returns an empty engine.
func New(cfg Config) *Engine {
	return &Engine{
		clock:   cfg.Clock,
		ids:     cfg.IDs,
		region:  cfg.Region,
		account: cfg.Account,
		parts:   map[partKey]*Partition{},
		calls:   newCallLog(cfg.CallLog),
	}
}

// Region returns the Store's default region.
func (e *Engine) Region() string { return e.region }

// Account returns the Store's default account.
func (e *Engine) Account() string { return e.account }

// Clock returns the Store's clock.
func (e *Engine) Clock() clock.Clock { return e.clock }

// IDs returns the Store's ID source.
func (e *Engine) IDs() *core.IDs { return e.ids }

// Partition returns the state of account in region, creating it on first use.
// Empty account or region mean the Store's defaults. Clients look their
// partition up once and keep it.
func (e *Engine) Partition(account, region string) *Partition {
	if account == "" {
		account = e.account
	}
	if region == "" {
		region = e.region
	}
	k := partKey{account, region}
	e.mu.RLock()
	p := e.parts[k]
	e.mu.RUnlock()
	if p != nil {
		return p
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if p = e.parts[k]; p == nil {
		p = e.newPartition(k)
	}
	return p
}

// newPartition creates and stores the partition k. The write lock must be
// held.
func (e *Engine) newPartition(k partKey) *Partition {
	sm := secrets.New(k.account, k.region)
	sm.SetPeers(e.peer)
	p := &Partition{Account: k.account, Region: k.region, SM: sm, SSM: paramstore.New(k.account, k.region, sm)}
	e.parts[k] = p
	return p
}

// peer gives the Secrets Manager state of another partition to replication,
// which runs under the lock its operation holds. create (only under the
// write lock) makes the partition when it does not exist yet; without it a
// missing partition is nil.
func (e *Engine) peer(account, region string, create bool) *secrets.State {
	k := partKey{account, region}
	p := e.parts[k]
	if p == nil {
		if !create {
			return nil
		}
		p = e.newPartition(k)
	}
	return p.SM
}

// afterWriter is a state that has work to finish once a write operation has
// run, under the same write lock (Secrets Manager pushes changes to a
// secret's replicas).
type afterWriter interface{ AfterWrite() }

// Op names one operation of one service. Its zero value names nothing.
type Op struct {
	service string
	name    string
	write   bool
}

// NewOp names an operation. write says whether it changes state (it then
// runs under the write lock; others run under the read lock).
func NewOp(service, name string, write bool) Op { return Op{service, name, write} }

// Service returns the SDK's service ID ("SSM" or "Secrets Manager").
func (o Op) Service() string { return o.service }

// Name returns the operation's name as the API spells it ("GetParameter").
func (o Op) Name() string { return o.name }

// String returns "Service.Name".
func (o Op) String() string { return o.service + "." + o.name }

// now returns the time of a call: the clock's reading in UTC, truncated to
// the millisecond, as AWS stores times.
func (e *Engine) now() time.Time { return e.clock.Now().UTC().Truncate(time.Millisecond) }

// Do runs one operation: it fills in a nil input as the SDK does, checks the
// context, runs the hooks registered for op (on a copy of the input), then
// validate (client-side checks, answered as the SDK's validation middleware
// answers), then f on state under the lock op asks for; it wraps any error
// as the real client would and records the call.
func Do[S, I, O any](ctx context.Context, e *Engine, op Op, p *Partition, state *S, in *I,
	validate func(*I) error, f func(*S, core.Env, *I) (*O, error)) (*O, error) {
	return DoInto(ctx, e, op, p, state, in, validate, nil, func(s *S, env core.Env, in *I, _ struct{}) (*O, error) {
		return f(s, env, in)
	})
}

// DoInto is Do for an operation that builds its answer in memory alloc
// allocates: DoInto calls alloc after the hooks and validate, before it
// takes the lock, and hands what it returns to f, so that the lock is not
// held across the allocation (and the work the collector may ask of it).
func DoInto[S, I, O, A any](ctx context.Context, e *Engine, op Op, p *Partition, state *S, in *I,
	validate func(*I) error, alloc func() A, f func(*S, core.Env, *I, A) (*O, error)) (*O, error) {
	if in == nil {
		in = new(I)
	}
	now := e.now()
	out, err := do(ctx, e, op, p, state, in, now, validate, alloc, f)
	if e.calls.enabled() {
		// A shallow copy of the input: cheap, and enough for the usual reuse
		// of one input struct across calls (fields reassigned). Calls()
		// deep-copies what it hands out.
		cp := new(I)
		*cp = *in
		c := &Call{Op: op, Input: cp, Err: err, Time: now}
		if err == nil {
			c.Output = out
		}
		e.calls.record(c)
	}
	return out, err
}

func do[S, I, O, A any](ctx context.Context, e *Engine, op Op, p *Partition, state *S, in *I, now time.Time,
	validate func(*I) error, alloc func() A, f func(*S, core.Env, *I, A) (*O, error)) (*O, error) {
	if ctx != nil {
		if err := ctx.Err(); err != nil {
			return nil, core.Wrap(op.service, op.name, "", err)
		}
	}
	// Access policies first: AWS authorizes a call before the service runs,
	// after the SDK's client-side validation.
	pol := e.policyFor(p.Principal)
	if pol != nil {
		if validate != nil {
			if err := validate(in); err != nil {
				return nil, core.Wrap(op.service, op.name, "", err)
			}
		}
		if err := e.authorize(op, p, pol, in); err != nil {
			return nil, core.Wrap(op.service, op.name, e.ids.RequestID(), err)
		}
	}
	if hout, handled, herr := e.runHooks(ctx, op, in); handled {
		if herr != nil {
			return nil, core.Wrap(op.service, op.name, e.ids.RequestID(), herr)
		}
		return hookOutput[O](op, hout)
	}
	// Validated above when a policy was checked: hooks see a copy, so the
	// input is as it was.
	if validate != nil && pol == nil {
		if err := validate(in); err != nil {
			return nil, core.Wrap(op.service, op.name, "", err)
		}
	}
	env := core.Env{Now: now, IDs: e.ids, Account: p.Account, Region: p.Region}
	var a A
	if alloc != nil {
		a = alloc()
	}
	out, err := locked(e, op.write, state, env, in, a, f)
	if err != nil {
		return nil, core.Wrap(op.service, op.name, e.ids.RequestID(), err)
	}
	if pol != nil {
		e.authorizeResults(op, p, pol, in, out)
	}
	return out, nil
}

// locked runs f under the write or the read lock, released however f ends.
func locked[S, I, O, A any](e *Engine, write bool, state *S, env core.Env, in *I, a A, f func(*S, core.Env, *I, A) (*O, error)) (*O, error) {
	if write {
		e.mu.Lock()
		defer e.mu.Unlock()
		if aw, ok := any(state).(afterWriter); ok {
			defer aw.AfterWrite()
		}
	} else {
		e.mu.RLock()
		defer e.mu.RUnlock()
	}
	return f(state, env, in, a)
}
