package engine

import (
	"context"
	"sync"
)

// RotationEvent is what Secrets Manager sends a rotation function, as the
// Lambda event of a rotation: the step, the secret's ARN and the token of
// the version being made.
type RotationEvent struct {
	Step               string // createSecret, setSecret, testSecret or finishSecret
	SecretID           string // the secret's ARN
	ClientRequestToken string // the AWSPENDING version's ID
}

// RotationFunc plays a rotation Lambda: it is called once per step, outside
// the Store's lock, and may call the Store through a client of its own, as a
// Lambda would. An error fails the rotation at that step.
type RotationFunc func(ctx context.Context, ev RotationEvent) error

type rotations struct {
	mu    sync.RWMutex
	byARN map[string]RotationFunc
}

// SetRotationFunc registers fn as the rotation function with the given
// Lambda ARN; a nil fn removes it.
func (e *Engine) SetRotationFunc(lambdaARN string, fn RotationFunc) {
	e.rot.mu.Lock()
	defer e.rot.mu.Unlock()
	if fn == nil {
		delete(e.rot.byARN, lambdaARN)
		return
	}
	if e.rot.byARN == nil {
		e.rot.byARN = map[string]RotationFunc{}
	}
	e.rot.byARN[lambdaARN] = fn
}

// RotationFunc returns the rotation function registered under lambdaARN, or
// nil.
func (e *Engine) RotationFunc(lambdaARN string) RotationFunc {
	e.rot.mu.RLock()
	defer e.rot.mu.RUnlock()
	return e.rot.byARN[lambdaARN]
}

// Write runs f under the Store's write lock, outside any operation (no
// hooks, no call log): the end of a rotation test, which Secrets Manager
// does on its own.
func (e *Engine) Write(f func()) {
	e.mu.Lock()
	defer e.mu.Unlock()
	f()
}
