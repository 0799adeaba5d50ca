package engine

import (
	"context"
	"fmt"
	"math/bits"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

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
type Call = core.Call

// callLog keeps the most recent calls in a ring, lock-free for writers.
//
// The ring is cut into chunks that double in size (32 slots, 64, 128, ...),
// each made when a call first needs it, so a Store that makes a few calls
// holds a few hundred bytes of log, and one that makes many grows it to its
// capacity. The call counter sits on cache lines of its own, and
// consecutive calls are stored a cache line apart within a chunk (slotOf),
// so two cores recording calls do not write the same line twice over.
//
// A slot points to a record's core.LogHead. Its Kind says how the rest
// reads: 0 for a callRecord, k for a record kept in its answer's block by
// the k-th BlockLog the log has met (kinds).
type callLog struct {
	chunks []atomic.Pointer[callChunk] // chunk k holds firstChunk<<k slots
	size   uint64                      // capacity, in calls
	kinds  atomic.Pointer[kindTable]   // copied and swapped to grow
	_      [cacheLine]byte
	n      atomic.Uint64 // calls recorded since the Store was made
	_      [cacheLine]byte
}

// cacheLine is the padding that keeps a hot counter off its neighbours'
// cache lines: two 64-byte lines, as the adjacent-line prefetcher of x86
// fetches lines in pairs.
const cacheLine = 128

// firstChunk is the size of the call log's first chunk: 256 bytes of
// pointers, what a Store's first call costs the log.
const firstChunk = 32

type callChunk struct {
	slots []atomic.Pointer[core.LogHead]
}

// recordHead is the part of a callRecord that reads without its input type.
type recordHead struct {
	head   core.LogHead
	op     Op
	input  any // &in of its callRecord
	output any
	err    error
}

// callRecord is a logged call with the copy of its input the log keeps,
// allocated together: the record of every call not kept in its answer's
// block.
type callRecord[I any] struct {
	recordHead
	in I
}

// logKind is a BlockLog the log has met, and the operation it logs.
type logKind struct {
	op   Op
	view logViewer // the *core.BlockLog
}

type logViewer interface {
	View(h *core.LogHead) (in, out any)
}

// kindTable is the kinds of a log: one allocation for the first read of
// each operation that keeps its record in its answer's block (two exist).
type kindTable struct {
	n int
	k [4]logKind
}

// inBlock is the head and input copy of a call's record when its answer's
// block holds them; both nil otherwise.
type inBlock[I any] struct {
	head *core.LogHead
	in   *I
}

// chunkOf returns the chunk of ring position r and r's index in it: chunk k
// holds positions firstChunk*(2^k-1) to firstChunk*(2^(k+1)-1)-1.
func chunkOf(r uint64) (k int, j uint64) {
	k = bits.Len64(r/firstChunk+1) - 1
	return k, r - firstChunk*(1<<k-1)
}

// slotOf maps the j-th call of a chunk of m slots (m a multiple of 8) to
// its slot: consecutive calls go to slots 8 apart (64 bytes), and each run
// of m/8 calls puts one call on every cache line of the chunk.
func slotOf(j, m uint64) uint64 { return (j%(m/8))*8 + j/(m/8) }

func newCallLog(capacity int) callLog {
	if capacity <= 0 {
		return callLog{}
	}
	size := uint64(capacity)
	k, _ := chunkOf(size - 1)
	return callLog{size: size, chunks: make([]atomic.Pointer[callChunk], k+1)}
}

func (l *callLog) enabled() bool { return l.size > 0 }

// slot returns the slot of call i, making its chunk when create is set (a
// missing chunk is nil otherwise).
func (l *callLog) slot(i uint64, create bool) *atomic.Pointer[core.LogHead] {
	r := i % l.size
	k, j := chunkOf(r)
	ch := l.chunks[k].Load()
	if ch == nil {
		if !create {
			return nil
		}
		// The last chunk holds only what the capacity needs, rounded up to
		// whole cache lines.
		m := min(uint64(firstChunk)<<k, l.size-(r-j))
		m = (m + 7) &^ 7
		l.chunks[k].CompareAndSwap(nil, &callChunk{slots: make([]atomic.Pointer[core.LogHead], m)})
		ch = l.chunks[k].Load() // ours, or the one another call made first
	}
	return &ch.slots[slotOf(j, uint64(len(ch.slots)))]
}

// record stores the record h begins as the next call.
func (l *callLog) record(h *core.LogHead) {
	i := l.n.Add(1) - 1
	h.Seq = uint32(i)
	l.slot(i, true).Store(h)
}

// kindOf returns the Kind of op's records kept by b, met first now or
// before, or 0 when the log's table of kinds is full (the call then gets a
// record of its own).
func kindOf[I, O any](l *callLog, op Op, b *core.BlockLog[I, O]) uint32 {
	if t := l.kinds.Load(); t != nil {
		if k := t.find(op, b); k != 0 {
			return k
		}
	}
	return addKind(l, op, b)
}

// find returns the Kind of op's records kept by v, or 0.
func (t *kindTable) find(op Op, v logViewer) uint32 {
	for i := range t.n {
		if t.k[i].view == v && t.k[i].op == op {
			return uint32(i + 1)
		}
	}
	return 0
}

// addKind adds op's records kept by v to the table (unless another call
// just did) and returns their Kind, or 0 when the table is full.
func addKind(l *callLog, op Op, v logViewer) uint32 {
	for {
		t := l.kinds.Load()
		next := new(kindTable)
		if t != nil {
			if k := t.find(op, v); k != 0 {
				return k
			}
			*next = *t
		}
		if next.n == len(next.k) {
			return 0
		}
		next.k[next.n] = logKind{op: op, view: v}
		next.n++
		if l.kinds.CompareAndSwap(t, next) {
			return uint32(next.n)
		}
	}
}

// recordCall adds a call of op to the log: a shallow copy of the input
// (cheap, and enough for the usual reuse of one input struct across calls,
// fields reassigned; Calls deep-copies what it hands out), the output as
// returned, or the error. When op keeps its record in its answer's block
// (blk) and the call returned that answer, the block is the record;
// otherwise one allocation holds the call and its input.
func recordCall[S, I, O any](e *Engine, op *core.Operation[S, I, O], in *I, out *O, err error, now time.Time, blk inBlock[I]) {
	if blk.head != nil && err == nil && out == op.Logged.Output(blk.head) {
		if kind := kindOf(&e.calls, op.Op, op.Logged); kind != 0 {
			*blk.in = *in
			*blk.head = core.LogHead{Millis: now.UnixMilli(), Kind: kind}
			e.calls.record(blk.head)
			return
		}
	}
	rec := new(callRecord[I])
	rec.in = *in
	rec.recordHead = recordHead{head: core.LogHead{Millis: now.UnixMilli()}, op: op.Op, input: &rec.in, err: err}
	if err == nil {
		rec.output = out
	}
	e.calls.record(&rec.head)
}

// view returns a copy of the call whose record h begins.
func (l *callLog) view(h *core.LogHead) Call {
	if h.Kind == 0 {
		// h begins a callRecord, whose recordHead reads without its type.
		r := (*recordHead)(unsafe.Pointer(h))
		return Call{Op: r.op, Input: core.DeepCopyAny(r.input), Output: core.DeepCopyAny(r.output), Err: r.err, Millis: h.Millis}
	}
	// The record was stored after its kind, so the kinds loaded now hold it.
	k := l.kinds.Load().k[h.Kind-1]
	in, out := k.view.View(h)
	return Call{Op: k.op, Input: core.DeepCopyAny(in), Output: core.DeepCopyAny(out), Millis: h.Millis}
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
	if end > l.size {
		start = end - l.size
	}
	out := make([]Call, 0, end-start)
	for i := start; i < end; i++ {
		s := l.slot(i, false)
		if s == nil {
			continue // no call stored in this chunk yet
		}
		h := s.Load()
		if h == nil || h.Seq != uint32(i) {
			continue // overwritten, cleared or not yet stored
		}
		out = append(out, l.view(h))
	}
	return out
}

// CallLogOff reports whether the Store keeps no call log.
func (e *Engine) CallLogOff() bool { return !e.calls.enabled() }

// ClearCalls empties the call log.
func (e *Engine) ClearCalls() {
	l := &e.calls
	for k := range l.chunks {
		if ch := l.chunks[k].Load(); ch != nil {
			for i := range ch.slots {
				ch.slots[i].Store(nil)
			}
		}
	}
}

func hookOutput[O any](op Op, out any) (*O, error) {
	if o, ok := out.(*O); ok && o != nil {
		return o, nil
	}
	return nil, fmt.Errorf("fakeaws: a hook for %s answered %T, want %T", op, out, new(O))
}
