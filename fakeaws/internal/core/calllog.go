package core

import (
	"time"
	"unsafe"
)

// Call is one call as a Store's call log hands it out.
type Call struct {
	Op     Op
	Input  any // pointer to the SDK's input type
	Output any // pointer to the SDK's output type; nil when Err is set
	Err    error
	Millis int64 // the Store's clock at the call, in milliseconds since 1970 (UTC)
}

// Time returns the Store's clock at the call, in UTC, to the millisecond.
func (c *Call) Time() time.Time { return time.UnixMilli(c.Millis).UTC() }

// LogHead begins every record of a Store's call log; the log's ring points
// to it. It holds no pointers, so the collector has nothing in it to scan.
type LogHead struct {
	Millis int64  // the Store's clock at the call, in milliseconds since 1970 (UTC)
	Seq    uint32 // the call's number in the log, modulo 2^32
	Kind   uint32 // how the rest of the record reads (the log's kinds)
}

// BlockLog keeps a call's log record in the block of its answer: a LogHead
// and a copy of the input, 40 bytes for GetParameter, with no pointers but
// the input's own. The output is the answer itself, found from the head.
// A successful logged call thus allocates once, as an unlogged one does,
// and barely more.
type BlockLog[I, O any] struct {
	// Alloc allocates an answer (a pointer to the operation's answer type,
	// for its RunInto), the head of its record and the copy of its input.
	Alloc func() (answer any, head *LogHead, in *I)
	// Input returns the input copy of the block whose head is h.
	Input func(h *LogHead) *I
	// Output returns the output at the start of the answer of the block
	// whose head is h. The call log keeps a record in the block only when
	// the call returned exactly this pointer.
	Output func(h *LogHead) *O
}

// logBlock is the memory of a BlockLog: the head first, so that a pointer
// to the head is a pointer to the block.
type logBlock[A, I any] struct {
	head   LogHead
	in     I
	answer A
}

// LogInBlock returns the BlockLog of an operation whose answer type A
// begins with its output O (the answer's RunInto returns a pointer to it).
func LogInBlock[A, I, O any]() *BlockLog[I, O] {
	of := func(h *LogHead) *logBlock[A, I] { return (*logBlock[A, I])(unsafe.Pointer(h)) }
	return &BlockLog[I, O]{
		Alloc: func() (any, *LogHead, *I) {
			b := new(logBlock[A, I])
			return &b.answer, &b.head, &b.in
		},
		Input:  func(h *LogHead) *I { return &of(h).in },
		Output: func(h *LogHead) *O { return (*O)(unsafe.Pointer(&of(h).answer)) },
	}
}

// View returns the input copy and the output of the block whose head is h.
func (b *BlockLog[I, O]) View(h *LogHead) (in, out any) { return b.Input(h), b.Output(h) }
