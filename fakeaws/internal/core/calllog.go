package core

import "time"

// Call is one call as a Store's call log keeps it.
type Call struct {
	Op     Op
	Input  any // pointer to the SDK's input type
	Output any // pointer to the SDK's output type; nil when Err is set
	Err    error
	Millis int64  // the Store's clock at the call, in milliseconds since 1970 (UTC)
	Seq    uint64 // the call's number in the log, from 0
}

// Time returns the Store's clock at the call, in UTC, to the millisecond.
func (c *Call) Time() time.Time { return time.UnixMilli(c.Millis).UTC() }

// CallRecord is a logged call with the copy of its input the log keeps,
// allocated together.
type CallRecord[I any] struct {
	Call Call
	In   I
}

// AllocWithRecord allocates an answer of type A and a call record in one
// block: an operation's AllocLogged, so that a Store keeping a call log
// allocates no more per call than one that does not.
func AllocWithRecord[A, I any]() (answer any, rec *CallRecord[I]) {
	b := new(struct {
		answer A
		rec    CallRecord[I]
	})
	return &b.answer, &b.rec
}
