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
	// Quotas, when not nil, turns request quotas on with these figures by
	// group (quota.go); groups it does not name have no quota.
	Quotas map[string]Quota
	// DeletionDelay is how long a deleted secret stays visible after its
	// recovery window ends or a forced delete (0: none).
	DeletionDelay time.Duration
	// SourceDateLayout is the layout of SourceResult's createdDate
	// (paramstore.SetSourceDateLayout); "" is the default.
	SourceDateLayout string
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
	srcDate string // Config.SourceDateLayout
	rot     rotations
	pol     policies
	quotas  *quotas // nil: no request quotas
	delay   time.Duration

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
		quotas:  quotasFor(cfg.Quotas),
		delay:   cfg.DeletionDelay,
		srcDate: cfg.SourceDateLayout,
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
	sm.SetDeletionDelay(e.delay)
	p := &Partition{Account: k.account, Region: k.region, SM: sm, SSM: paramstore.New(k.account, k.region, sm)}
	p.SSM.SetSourceDateLayout(e.srcDate)
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

// Op names one operation by its IAM action ("ssm:GetParameter").
type Op = core.Op

// now returns the time of a call: the clock's reading in UTC, truncated to
// the millisecond, as AWS stores times.
func (e *Engine) now() time.Time { return e.clock.Now().UTC().Truncate(time.Millisecond) }

// Run runs one call of op on st, the state of partition p that op
// belongs to: it fills in a nil input as the SDK does, checks the context,
// runs the hooks registered for op (on a copy of the input), then op's
// client-side checks (answered as the SDK's validation middleware answers),
// then, when quotas are on, draws on op's request quota (quota.go), then,
// under the lock op asks for, the access check of the resources op
// reports and op itself; it wraps any error as the real client would and
// records the call.
func Run[S, I, O any](ctx context.Context, e *Engine, p *Partition, st *S, op *core.Operation[S, I, O], in *I) (*O, error) {
	if in == nil {
		in = new(I)
	}
	now := e.now()
	var blk inBlock[I] // the call's log record, when the answer was allocated with it
	out, err := call(ctx, e, p, st, op, in, now, &blk)
	if e.calls.enabled() {
		recordCall(e, op, in, out, err, now, blk)
	}
	return out, err
}

func call[S, I, O any](ctx context.Context, e *Engine, p *Partition, st *S, op *core.Operation[S, I, O], in *I, now time.Time, blk *inBlock[I]) (*O, error) {
	service, name := op.Op.Service(), op.Op.Name()
	if ctx != nil {
		if err := ctx.Err(); err != nil {
			return nil, core.Wrap(service, name, "", err)
		}
	}
	// The SDK's client-side validation comes before anything is sent, so
	// before hooks and access policies; hooks see a copy, so the input is as
	// it was.
	if op.Validate != nil {
		if err := op.Validate(in); err != nil {
			return nil, core.Wrap(service, name, "", err)
		}
	}
	pol := e.policyFor(p.Principal)
	if hout, handled, herr := e.runHooks(ctx, op.Op, in); handled {
		if herr != nil {
			return nil, core.Wrap(service, name, e.ids.RequestID(), herr)
		}
		return hookOutput[O](op.Op, hout)
	}
	// Request quotas (off unless the Store was built with them): a call
	// over its group's quota is throttled, as AWS throttles it.
	if e.quotas != nil {
		if err := e.overQuota(p, op.Op, now); err != nil {
			return nil, core.Wrap(service, name, e.ids.RequestID(), err)
		}
	}
	env := core.Env{Now: now, IDs: e.ids, Account: p.Account, Region: p.Region}
	var a any
	switch {
	case op.Logged != nil && e.calls.enabled():
		a, blk.head, blk.in = op.Logged.Alloc()
	case op.Alloc != nil:
		a = op.Alloc()
	}
	out, err := locked(e, p, pol, st, op, env, in, a)
	if err != nil {
		return nil, core.Wrap(service, name, e.ids.RequestID(), err)
	}
	if pol != nil {
		e.authorizeResults(op.Op, p, pol, in, out)
	}
	return out, nil
}

// locked runs op under the write or the read lock, released however it
// ends. With a policy, the resources op reports are checked first, under
// the same lock, so nothing is written before the check and nothing changes
// between the check and the run.
func locked[S, I, O any](e *Engine, p *Partition, pol *Policy, st *S, op *core.Operation[S, I, O], env core.Env, in *I, a any) (*O, error) {
	if op.Write {
		e.mu.Lock()
		defer e.mu.Unlock()
		if aw, ok := any(st).(afterWriter); ok {
			defer aw.AfterWrite()
		}
	} else {
		e.mu.RLock()
		defer e.mu.RUnlock()
	}
	if pol != nil {
		var res []core.Resource
		if op.Resources != nil {
			res = op.Resources(st, env, in)
		}
		if err := authorize(op.Op, p.Principal, pol, res); err != nil {
			return nil, err
		}
	}
	if op.RunInto != nil {
		return op.RunInto(st, env, in, a)
	}
	return op.Run(st, env, in)
}
