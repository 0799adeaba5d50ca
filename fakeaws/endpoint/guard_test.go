package endpoint

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
)

// Guard's Host rule: loopback names and the address the request arrived on
// pass (a server on 0.0.0.0 reached by its LAN address); any other name,
// or another address, is refused.
func TestGuardHostRule(t *testing.T) {
	t.Parallel()
	ok := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) })
	g := Guard(ok, WithAllowedHosts("fakeaws"))
	local := &net.TCPAddr{IP: net.ParseIP("10.1.2.3"), Port: 4566}
	for _, tc := range []struct {
		host string
		want int
	}{
		{"127.0.0.1:4566", http.StatusNoContent},
		{"127.9.9.9", http.StatusNoContent},
		{"[::1]:4566", http.StatusNoContent},
		{"localhost:4566", http.StatusNoContent},
		{"LOCALHOST", http.StatusNoContent},
		{"fakeaws.localhost:4566", http.StatusNoContent},
		{"10.1.2.3:4566", http.StatusNoContent}, // the address it arrived on
		{"fakeaws:4566", http.StatusNoContent},  // WithAllowedHosts
		{"10.1.2.4:4566", http.StatusForbidden},
		{"evil.example:4566", http.StatusForbidden},
		{"localhost.evil.example", http.StatusForbidden},
		{"", http.StatusForbidden},
	} {
		r := httptest.NewRequest(http.MethodPost, "/moto-api/reset", nil)
		r.Host = tc.host
		r = r.WithContext(context.WithValue(r.Context(), http.LocalAddrContextKey, net.Addr(local)))
		w := httptest.NewRecorder()
		g.ServeHTTP(w, r)
		if w.Code != tc.want {
			t.Errorf("Host %q: status %d, want %d (%s)", tc.host, w.Code, tc.want, w.Body)
		}
	}
}
