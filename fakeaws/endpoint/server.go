package endpoint

import (
	"net"
	"net/http"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/fakeaws/fakeaws-go/fakeaws"
)

// Server is Handler on a loopback port, like httptest.Server: for the AWS
// CLI, other languages' SDKs, or Go code that must dial a URL.
type Server struct {
	// URL is the endpoint, "http://127.0.0.1:<port>", with no trailing slash.
	URL string

	st   *fakeaws.Store
	srv  *http.Server
	ln   net.Listener
	once sync.Once
	done chan struct{}
}

// NewServer starts serving Handler(st, opts...) on a free port of
// 127.0.0.1, under the Limits the options set (DefaultLimits() unless
// WithLimits says otherwise). Close it when done (it is safe to Close more
// than once). It panics if it cannot listen, as httptest.NewServer does.
func NewServer(st *fakeaws.Store, opts ...Option) *Server {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic("endpoint: listen on 127.0.0.1: " + err.Error())
	}
	s := &Server{
		URL:  "http://" + ln.Addr().String(),
		st:   st,
		ln:   ln,
		srv:  NewHTTPServer(Handler(st, opts...), opts...),
		done: make(chan struct{}),
	}
	go func() {
		defer close(s.done)
		_ = s.srv.Serve(ln) // http.ErrServerClosed once Close is called
	}()
	return s
}

// Config returns an aws.Config for the real SDK clients against the server
// (over a socket, unlike the in-memory endpoint.Config): the server's URL,
// static credentials of the Store's account and the Store's region.
func (s *Server) Config() aws.Config {
	return sdkConfig(s.st, s.URL, &http.Client{})
}

// Close stops the server and waits until it has stopped. Calls after the
// first do nothing.
func (s *Server) Close() {
	s.once.Do(func() {
		_ = s.srv.Close()
		<-s.done
	})
}
