package endpoint

import (
	"bytes"
	"io"
	"mime"
	"net"
	"net/http"
	"strings"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// WithAllowedHosts adds host names (or host:port) that Guard accepts in a
// request's Host besides the loopback names and the address the request
// arrived on: the name a container is reached by, for instance.
func WithAllowedHosts(hosts ...string) Option {
	return func(c *config) { c.hosts = append(c.hosts, hosts...) }
}

// Guard protects routes that are not AWS operations but change the server's
// state, such as cmd/fakeaws's POST /moto-api/reset and POST
// /_fakeaws/clock, from what a web page can make a browser send. It
// refuses, with HTTP 403 or 415 and a message saying why:
//   - a request with an Origin header (browsers send one with cross-site
//     requests; tools such as curl and moto's clients do not);
//   - a form or text/plain Content-Type (what a page can POST cross-site
//     without asking the server first); a request with no body, or a JSON
//     one, passes;
//   - a Host that is neither a loopback name (localhost, *.localhost,
//     127.0.0.0/8, ::1), the address the request arrived on, nor one given
//     to WithAllowedHosts: this stops DNS rebinding, where a page's own
//     domain name is pointed at 127.0.0.1;
//   - with WithSignatureKeys, a request that is not SigV4-signed with one
//     of the keys, as the AWS operations are (any service name in the
//     credential scope).
//
// The other options (WithMaxBodyBytes) apply as they do to Handler.
func Guard(next http.Handler, opts ...Option) http.Handler {
	c := config{maxBody: DefaultMaxBodyBytes}
	for _, o := range opts {
		o(&c)
	}
	h := &handler{cfg: c, ids: core.NewIDs(false, 0, nil, nil)}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if we := h.guard(w, r); we != nil {
			h.writeError(w, nil, we)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// guard applies Guard's rules to r, replacing r.Body with the body it read
// when it checks a signature.
func (h *handler) guard(w http.ResponseWriter, r *http.Request) *wireError {
	if o := r.Header.Get("Origin"); o != "" {
		return &wireError{status: http.StatusForbidden, code: "AccessDeniedException",
			message: "fakeaws refuses requests with an Origin header (" + o + ") on its admin routes: a web page sent it"}
	}
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		switch {
		case err != nil, mt == "application/x-www-form-urlencoded", mt == "multipart/form-data", mt == "text/plain":
			return &wireError{status: http.StatusUnsupportedMediaType, code: "UnsupportedMediaTypeException",
				message: "fakeaws's admin routes take no body or a JSON one (Content-Type: application/json), not " + ct}
		}
	}
	if !h.hostAllowed(r) {
		return &wireError{status: http.StatusForbidden, code: "AccessDeniedException",
			message: "fakeaws refuses Host " + r.Host + " on its admin routes: not a loopback name nor the address it listens on (see WithAllowedHosts, -allow-host)"}
	}
	if h.cfg.secrets == nil {
		return nil
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, h.cfg.maxBody))
	if err != nil {
		return &wireError{status: http.StatusBadRequest, code: "SerializationException", message: "Unable to read the request body: " + err.Error()}
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	return h.authenticate(r, body, "")
}

// hostAllowed reports whether r's Host is a loopback name, the address r
// arrived on, or one of WithAllowedHosts.
func (h *handler) hostAllowed(r *http.Request) bool {
	host := r.Host
	for _, a := range h.cfg.hosts {
		if strings.EqualFold(host, a) {
			return true
		}
	}
	name, _, err := net.SplitHostPort(host)
	if err != nil {
		name = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	}
	for _, a := range h.cfg.hosts {
		if strings.EqualFold(name, a) {
			return true
		}
	}
	lower := strings.ToLower(strings.TrimSuffix(name, "."))
	if lower == "localhost" || strings.HasSuffix(lower, ".localhost") {
		return true
	}
	ip := net.ParseIP(name)
	if ip == nil {
		return false
	}
	if ip.IsLoopback() {
		return true
	}
	local, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr)
	if !ok {
		return false
	}
	lh, _, err := net.SplitHostPort(local.String())
	return err == nil && net.ParseIP(lh).Equal(ip)
}
