package endpoint_test

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/endpoint"
)

func dial(t *testing.T, srv *endpoint.Server) net.Conn {
	t.Helper()
	c, err := net.Dial("tcp", strings.TrimPrefix(srv.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// closedByServer reports whether the server closed c within wait.
func closedByServer(c net.Conn, wait time.Duration) bool {
	_ = c.SetReadDeadline(time.Now().Add(wait))
	_, err := c.Read(make([]byte, 1))
	var ne net.Error
	return err != nil && !(errors.As(err, &ne) && ne.Timeout())
}

// Clients that send a header and never finish the body hold no request
// slot: with every slot's worth of them connected, another client is
// served, not throttled.
func TestLimitSlowBodiesHoldNoSlot(t *testing.T) {
	t.Parallel()
	const slots = 4
	srv := endpoint.NewServer(fakeaws.New(), endpoint.WithLimits(endpoint.Limits{MaxConcurrentRequests: slots, ReadTimeout: time.Minute}))
	t.Cleanup(srv.Close)
	for range slots * 2 {
		c := dial(t, srv)
		if _, err := io.WriteString(c, "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Target: AmazonSSM.DescribeParameters\r\nContent-Length: 100\r\n\r\n{"); err != nil {
			t.Fatal(err)
		}
	}
	// Every request made in the next 300 ms (by which time the server has
	// long read the slow clients' headers) is served.
	c := ssm.NewFromConfig(srv.Config(), func(o *ssm.Options) { o.RetryMaxAttempts = 1 })
	for i, end := 0, time.Now().Add(300*time.Millisecond); time.Now().Before(end); i++ {
		if _, err := c.DescribeParameters(context.Background(), &ssm.DescribeParametersInput{}); err != nil {
			t.Fatalf("request %d with %d slow bodies pending: %v", i, slots*2, err)
		}
	}
}

// At MaxConnections, a new connection closes the longest-idle keep-alive
// connection first; connections that never send a request go next, so a
// flood of them cannot keep others out.
func TestLimitOpenConnections(t *testing.T) {
	t.Parallel()
	const max = 4
	st := fakeaws.New()
	opts := []endpoint.Option{endpoint.WithLimits(endpoint.Limits{MaxConnections: max, ReadHeaderTimeout: time.Minute, IdleTimeout: time.Minute})}
	hs := endpoint.NewHTTPServer(endpoint.Handler(st, opts...), opts...)
	// Observe the server's view of its connections, to know when the
	// keep-alive ones are idle.
	idled := make(chan struct{}, 16)
	limiter := hs.ConnState
	hs.ConnState = func(c net.Conn, s http.ConnState) {
		if limiter != nil {
			limiter(c, s)
		}
		if s == http.StateIdle {
			idled <- struct{}{}
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = hs.Serve(ln) }()
	t.Cleanup(func() { _ = hs.Close() })
	addr := ln.Addr().String()
	dialAddr := func() net.Conn {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
		return c
	}

	// max keep-alive connections, each idle after one request.
	idle := make([]net.Conn, max)
	for i := range idle {
		idle[i] = dialAddr()
		if _, err := io.WriteString(idle[i], "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Target: AmazonSSM.DescribeParameters\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: 2\r\n\r\n{}"); err != nil {
			t.Fatal(err)
		}
		res, err := http.ReadResponse(bufio.NewReader(idle[i]), nil)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, res.Body)
		res.Body.Close()
		<-idled
	}
	// One more connection: the longest-idle one (the first) is closed, the
	// others stay.
	fresh := dialAddr()
	if !closedByServer(idle[0], 2*time.Second) {
		t.Errorf("the longest-idle connection is still open with %d+1 connections", max)
	}
	if closedByServer(idle[max-1], 50*time.Millisecond) {
		t.Errorf("the most recently idle connection was closed")
	}

	// A flood of connections that send nothing: they push each other (and
	// the idle ones) out, so at most max stay open.
	flood := []net.Conn{fresh}
	for range 3 * max {
		flood = append(flood, dialAddr())
	}
	closed := 0
	for _, c := range flood {
		if closedByServer(c, 100*time.Millisecond) {
			closed++
		}
	}
	if closed < len(flood)-max {
		t.Errorf("%d of %d silent connections closed, want at least %d (MaxConnections %d)", closed, len(flood), len(flood)-max, max)
	}
	// A real client still gets in.
	cfg := endpoint.Config(st)
	cfg.BaseEndpoint = aws.String("http://" + addr)
	cfg.HTTPClient = &http.Client{}
	if _, err := ssm.NewFromConfig(cfg).DescribeParameters(context.Background(), &ssm.DescribeParametersInput{}); err != nil {
		t.Errorf("a client after the flood: %v", err)
	}
}
