package engine

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// Hook reacts to one operation before it reaches the state. It receives a
// deep copy of the input (a pointer to the SDK's input type). It passes by
// returning handled == false; otherwise the call answers with err, or with
// out (a pointer to the operation's SDK output type) when err is nil.
type Hook func(ctx context.Context, in any) (out any, handled bool, err error)

type hookEntry struct {
	fn   Hook
	once bool
	used atomic.Bool
}

// hooks are the faults registered on an engine, newest last.
type hooks struct {
	mu    sync.RWMutex
	byOp  map[Op][]*hookEntry
	count atomic.Int64 // entries registered, for the fast path
}

// React registers h for op. Hooks run newest first; the first that handles
// the call decides its answer.
func (e *Engine) React(op Op, h Hook) { e.addHook(op, h, false) }

// ReactOnce registers h for op for one call it handles.
func (e *Engine) ReactOnce(op Op, h Hook) { e.addHook(op, h, true) }

func (e *Engine) addHook(op Op, h Hook, once bool) {
	e.hooks.mu.Lock()
	defer e.hooks.mu.Unlock()
	if e.hooks.byOp == nil {
		e.hooks.byOp = map[Op][]*hookEntry{}
	}
	e.hooks.byOp[op] = append(e.hooks.byOp[op], &hookEntry{fn: h, once: once})
	e.hooks.count.Add(1)
}

// ClearHooks removes every hook.
func (e *Engine) ClearHooks() {
	e.hooks.mu.Lock()
	defer e.hooks.mu.Unlock()
	e.hooks.byOp = nil
	e.hooks.count.Store(0)
}

// runHooks runs op's hooks, newest first, on a copy of in. handled reports
// whether one of them decided the answer.
func (e *Engine) runHooks(ctx context.Context, op Op, in any) (out any, handled bool, err error) {
	if e.hooks.count.Load() == 0 {
		return nil, false, nil
	}
	e.hooks.mu.RLock()
	list := e.hooks.byOp[op]
	snapshot := append([]*hookEntry(nil), list...)
	e.hooks.mu.RUnlock()
	if len(snapshot) == 0 {
		return nil, false, nil
	}
	for i := len(snapshot) - 1; i >= 0; i-- {
		h := snapshot[i]
		if h.once && h.used.Load() {
			continue
		}
		out, handled, err := h.fn(ctx, core.DeepCopyAny(in))
		if !handled {
			continue
		}
		if h.once && !h.used.CompareAndSwap(false, true) {
			continue // another call took this one-shot hook first
		}
		if h.once {
			e.dropHook(op, h)
		}
		return out, true, err
	}
	return nil, false, nil
}

func (e *Engine) dropHook(op Op, h *hookEntry) {
	e.hooks.mu.Lock()
	defer e.hooks.mu.Unlock()
	list := e.hooks.byOp[op]
	for i, x := range list {
		if x == h {
			e.hooks.byOp[op] = append(list[:i:i], list[i+1:]...)
			e.hooks.count.Add(-1)
			return
		}
	}
}

// Call is one recorded call.
type Call struct {
	Op     Op
	Input  any // pointer to the SDK's input type
	Output any // pointer to the SDK's output type; nil when Err is set
	Err    error
	Time   time.Time // the Store's clock at the call
	seq    uint64
}

// callLog keeps the most recent calls in a ring, lock-free for writers.
type callLog struct {
	slots []atomic.Pointer[Call]
	n     atomic.Uint64
}

func newCallLog(capacity int) callLog {
	if capacity <= 0 {
		return callLog{}
	}
	return callLog{slots: make([]atomic.Pointer[Call], capacity)}
}

func (l *callLog) enabled() bool { return len(l.slots) > 0 }

func (l *callLog) record(c *Call) {
	i := l.n.Add(1) - 1
	c.seq = i
	l.slots[i%uint64(len(l.slots))].Store(c)
}

// Calls returns copies of the recorded calls, oldest first: at most the
// log's capacity, the most recent ones.
func (e *Engine) Calls() []Call {
	l := &e.calls
	if !l.enabled() {
		return nil
	}
	end := l.n.Load()
	start := uint64(0)
	if c := uint64(len(l.slots)); end > c {
		start = end - c
	}
	out := make([]Call, 0, end-start)
	for i := start; i < end; i++ {
		c := l.slots[i%uint64(len(l.slots))].Load()
		if c == nil || c.seq != i {
			continue // overwritten or not yet stored
		}
		out = append(out, Call{Op: c.Op, Input: core.DeepCopyAny(c.Input), Output: core.DeepCopyAny(c.Output), Err: c.Err, Time: c.Time})
	}
	return out
}

// ClearCalls empties the call log.
func (e *Engine) ClearCalls() {
	l := &e.calls
	for i := range l.slots {
		l.slots[i].Store(nil)
	}
}

func hookOutput[O any](op Op, out any) (*O, error) {
	if o, ok := out.(*O); ok && o != nil {
		return o, nil
	}
	return nil, fmt.Errorf("fakeaws: a hook for %s answered %T, want %T", op, out, new(O))
}
