package endpoint

import (
	"net"
	"net/http"
	"sync"
	"time"
)

// Limits bound what clients can take from a server: how many connections
// it keeps open (at the limit, a new connection closes the longest-idle
// keep-alive connection, else the oldest that has sent no request yet, else
// itself), how many requests it serves at once (a request counts once its
// body is read; more are answered ThrottlingException "Rate exceeded",
// HTTP 400, which the SDKs retry with back-off), how long it waits for a
// request's header and whole body, how long it may take to write an answer,
// how long an idle keep-alive connection stays open, and how large a
// request's header may be (larger ones get HTTP 431). The body limit is
// WithMaxBodyBytes. A zero field means no limit (for MaxHeaderBytes, Go's
// default of 1 MiB).
type Limits struct {
	MaxConnections        int
	MaxConcurrentRequests int
	ReadHeaderTimeout     time.Duration
	ReadTimeout           time.Duration
	WriteTimeout          time.Duration
	IdleTimeout           time.Duration
	MaxHeaderBytes        int
}

// DefaultLimits returns the limits of Handler, NewServer and cmd/fakeaws
// unless WithLimits says otherwise: generous for a test suite, tight enough
// that a stuck or hostile client cannot hold the server.
func DefaultLimits() Limits {
	return Limits{
		MaxConnections:        1024,
		MaxConcurrentRequests: 256,
		ReadHeaderTimeout:     10 * time.Second,
		ReadTimeout:           30 * time.Second,
		WriteTimeout:          60 * time.Second,
		IdleTimeout:           2 * time.Minute,
		MaxHeaderBytes:        64 << 10,
	}
}

// WithLimits replaces DefaultLimits().
func WithLimits(l Limits) Option { return func(c *config) { c.limits = l } }

// NewHTTPServer returns an http.Server that serves h under the limits opts
// set (DefaultLimits() unless WithLimits is among them); cmd/fakeaws and
// NewServer use it.
func NewHTTPServer(h http.Handler, opts ...Option) *http.Server {
	c := config{limits: DefaultLimits()}
	for _, o := range opts {
		o(&c)
	}
	l := c.limits
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: l.ReadHeaderTimeout,
		ReadTimeout:       l.ReadTimeout,
		WriteTimeout:      l.WriteTimeout,
		IdleTimeout:       l.IdleTimeout,
		MaxHeaderBytes:    l.MaxHeaderBytes,
	}
	if l.MaxHeaderBytes == 0 {
		srv.MaxHeaderBytes = http.DefaultMaxHeaderBytes
	}
	if l.MaxConnections > 0 {
		srv.ConnState = (&connLimiter{max: l.MaxConnections, conns: map[net.Conn]*connInfo{}}).track
	}
	return srv
}

// connLimiter keeps at most max connections of an http.Server open, as its
// ConnState hook: the server reports each new connection before it serves
// it, and the limiter closes one to make room when needed.
type connLimiter struct {
	max   int
	mu    sync.Mutex
	seq   uint64
	conns map[net.Conn]*connInfo
}

// connInfo is a connection's state and when (in the limiter's sequence) it
// entered it.
type connInfo struct {
	state http.ConnState
	since uint64
}

func (l *connLimiter) track(c net.Conn, state http.ConnState) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.seq++
	switch state {
	case http.StateNew:
		if len(l.conns) >= l.max {
			victim := l.victimLocked()
			if victim == nil {
				// Every connection is serving a request: refuse this one.
				_ = c.Close()
				return
			}
			_ = victim.Close()
			delete(l.conns, victim)
		}
		l.conns[c] = &connInfo{state: state, since: l.seq}
	case http.StateActive, http.StateIdle:
		if ci := l.conns[c]; ci != nil {
			ci.state, ci.since = state, l.seq
		}
	case http.StateHijacked, http.StateClosed:
		delete(l.conns, c)
	}
}

// victimLocked picks the connection to close for a new one: the
// longest-idle keep-alive connection, else the oldest that has not sent a
// request yet; nil when every connection is serving one.
func (l *connLimiter) victimLocked() net.Conn {
	var idle, fresh net.Conn
	var idleSince, freshSince uint64
	for c, ci := range l.conns {
		switch ci.state {
		case http.StateIdle:
			if idle == nil || ci.since < idleSince {
				idle, idleSince = c, ci.since
			}
		case http.StateNew:
			if fresh == nil || ci.since < freshSince {
				fresh, freshSince = c, ci.since
			}
		}
	}
	if idle != nil {
		return idle
	}
	return fresh
}
