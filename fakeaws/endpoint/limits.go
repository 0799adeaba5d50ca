package endpoint

import (
	"net/http"
	"time"
)

// Limits bound what clients can take from a server: how many requests it
// serves at once (more are answered ThrottlingException "Rate exceeded",
// HTTP 400, which the SDKs retry with back-off), how long it waits for a
// request's header and whole body, how long it may take to write an answer,
// how long an idle keep-alive connection stays open, and how large a
// request's header may be (larger ones get HTTP 431). The body limit is
// WithMaxBodyBytes. A zero field means no limit (for MaxHeaderBytes, Go's
// default of 1 MiB).
type Limits struct {
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
	return srv
}
