package endpoint

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/clock"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/paramstore"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/secrets"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/sigv4"
	"github.com/fakeaws/fakeaws-go/fakeaws/smfake"
	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

// DefaultMaxBodyBytes is the largest request body the endpoint reads unless
// WithMaxBodyBytes says otherwise. The largest input of either service (a
// 64 KiB secret, base64-encoded if binary) fits well within it.
const DefaultMaxBodyBytes = 1 << 20

type config struct {
	accounts   map[string]string // access key ID → account
	maxBody    int64
	secrets    map[string]string // access key ID → secret key; non-nil: verify signatures
	principals map[string]string // access key ID → principal ARN
	limits     Limits
	hosts      []string // WithAllowedHosts
}

// Option configures a Handler (and the Config and Server built on one).
type Option func(*config)

// WithAccountForKey maps requests signed with accessKeyID to account. Without
// a mapping, an access key of twelve digits is itself the account (a common
// convention of local AWS fakes), and any other key, or an unsigned request,
// gets the Store's default account.
func WithAccountForKey(accessKeyID, account string) Option {
	return func(c *config) {
		if c.accounts == nil {
			c.accounts = map[string]string{}
		}
		c.accounts[accessKeyID] = account
	}
}

// WithSignatureKeys turns on SigV4 verification: every request must be
// signed with one of the given access key IDs (mapped to their secret
// keys), or it is refused as AWS refuses it: an unsigned request with
// MissingAuthenticationTokenException, an unknown key with
// UnrecognizedClientException, a wrong signature with
// InvalidSignatureException. The option may be given more than once.
func WithSignatureKeys(keys map[string]string) Option {
	return func(c *config) {
		if c.secrets == nil {
			c.secrets = map[string]string{}
		}
		for k, v := range keys {
			c.secrets[k] = v
		}
	}
}

// WithPrincipalForKey makes requests signed with accessKeyID act as
// principal (an IAM ARN) for access policies (fakeaws.Store.SetPolicy).
// Without a mapping, a signed request acts as
// arn:aws:iam::<account>:user/<access key ID>; an unsigned one as no
// principal, which policies do not check.
func WithPrincipalForKey(accessKeyID, principal string) Option {
	return func(c *config) {
		if c.principals == nil {
			c.principals = map[string]string{}
		}
		c.principals[accessKeyID] = principal
	}
}

// WithMaxBodyBytes sets the largest request body read (default
// DefaultMaxBodyBytes); a larger one is answered with status 413.
func WithMaxBodyBytes(n int64) Option { return func(c *config) { c.maxBody = n } }

// handler serves the AWS JSON 1.1 protocol of both services over a Store.
type handler struct {
	st      *fakeaws.Store
	cfg     config
	ssm, sm *service
	codec   codec
	ids     *core.IDs     // request IDs of successful answers: not the Store's, so the wire never shifts its ID sequence
	clients sync.Map      // partition → *clientPair
	slots   chan struct{} // one per request being served; nil: no limit
	// newClients makes the clients of a partition (the fake clients of the
	// Store; tests substitute stubs).
	newClients func(partition) *clientPair
}

type partition struct{ account, region, principal string }

// clientPair calls the operations of one partition.
type clientPair struct {
	ssm, sm invoker
}

// invoker runs op with in (a pointer to its input struct) and returns the
// output (a pointer to its output struct) or the error.
type invoker func(ctx context.Context, op operation, in reflect.Value) (reflect.Value, error)

// methods invokes the methods of client (a *ssmfake.Client or
// *smfake.Client).
func methods(client any) invoker {
	v := reflect.ValueOf(client)
	return func(ctx context.Context, op operation, in reflect.Value) (reflect.Value, error) {
		res := v.Method(op.method).Call([]reflect.Value{reflect.ValueOf(ctx), in})
		if e := res[1].Interface(); e != nil {
			return reflect.Value{}, e.(error)
		}
		return res[0], nil
	}
}

// Handler returns the AWS JSON 1.1 protocol of Parameter Store and Secrets
// Manager over st: POST / with X-Amz-Target AmazonSSM.<Op> or
// secretsmanager.<Op>. It decodes the body into the SDK's input type, calls
// the same method of ssmfake or smfake, and writes the output or error as
// AWS does. The region comes from the request's SigV4 credential scope and
// the account from its access key (see WithAccountForKey); unsigned
// requests get the Store's defaults. Signatures are read, not verified.
func Handler(st *fakeaws.Store, opts ...Option) http.Handler {
	return newHandler(st, opts...)
}

func newHandler(st *fakeaws.Store, opts ...Option) *handler {
	c := config{maxBody: DefaultMaxBodyBytes, limits: DefaultLimits()}
	for _, o := range opts {
		o(&c)
	}
	h := &handler{st: st, cfg: c, ids: core.NewIDs(false, 0, nil, nil)}
	if n := c.limits.MaxConcurrentRequests; n > 0 {
		h.slots = make(chan struct{}, n)
	}
	h.ssm, h.sm = newServices(routes(reflect.TypeFor[*ssmfake.Client](), paramstore.Operations), routes(reflect.TypeFor[*smfake.Client](), secrets.Operations))
	h.newClients = func(p partition) *clientPair {
		return &clientPair{
			ssm: methods(ssmfake.New(st, ssmfake.WithAccount(p.account), ssmfake.WithRegion(p.region), ssmfake.WithPrincipal(p.principal))),
			sm:  methods(smfake.New(st, smfake.WithAccount(p.account), smfake.WithRegion(p.region), smfake.WithPrincipal(p.principal))),
		}
	}
	return h
}

func (h *handler) clientsFor(p partition) *clientPair {
	if c, ok := h.clients.Load(p); ok {
		return c.(*clientPair)
	}
	c := h.newClients(p)
	actual, _ := h.clients.LoadOrStore(p, c)
	return actual.(*clientPair)
}

var twelveDigits = regexp.MustCompile(`^[0-9]{12}$`)

// partitionOf reads the account and region a request is for.
func (h *handler) partitionOf(r *http.Request) partition {
	p := partition{account: h.st.Account(), region: h.st.Region()}
	a, err := sigv4.Parse(r)
	if err != nil {
		return p
	}
	if a.Region != "" {
		p.region = a.Region
	}
	if acct, ok := h.cfg.accounts[a.AccessKey]; ok {
		p.account = acct
	} else if twelveDigits.MatchString(a.AccessKey) {
		p.account = a.AccessKey
	}
	// The principal access policies see (fakeaws.Store.SetPolicy).
	if pr, ok := h.cfg.principals[a.AccessKey]; ok {
		p.principal = pr
	} else if a.AccessKey != "" {
		p.principal = core.IAMARN(p.region, p.account, "user/"+a.AccessKey)
	}
	return p
}

// authenticate checks the request's SigV4 signature when WithSignatureKeys
// is set, for an operation of svc, in AWS's words (docs/aws-behaviour.md
// §8.1): the form of the Authorization header, the access key, the rules
// of sigv4.Check (host signed, the scope's day and service, X-Amz-Date
// within five minutes of the server's wall clock, clock.Real and never the
// Store's clock, which a test may have moved anywhere) and the signature
// of the body that arrived. The statuses are 403 for a missing token and
// 400 otherwise (U).
func (h *handler) authenticate(r *http.Request, body []byte, signingName string) *wireError {
	if h.cfg.secrets == nil {
		return nil
	}
	a, err := sigv4.Parse(r)
	if errors.Is(err, sigv4.ErrUnsigned) {
		msg := "Missing Authentication Token"
		if q := r.URL.Query(); q.Has("X-Amz-Signature") || q.Has("X-Amz-Credential") {
			// A presigned request: its signature is in the query string,
			// which fakeaws does not read.
			msg += " (fakeaws verifies the Authorization header only; query-string (presigned) signatures are not accepted)"
		}
		return &wireError{status: http.StatusForbidden, code: "MissingAuthenticationTokenException", message: msg}
	}
	if err != nil {
		return &wireError{status: http.StatusBadRequest, code: "IncompleteSignatureException", message: "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters."}
	}
	secret, ok := h.cfg.secrets[a.AccessKey]
	if !ok {
		return &wireError{status: http.StatusBadRequest, code: "UnrecognizedClientException", message: "The security token included in the request is invalid."}
	}
	var se *sigv4.Error
	if err := sigv4.Check(r, a, signingName, clock.Real().Now()); errors.As(err, &se) {
		return &wireError{status: http.StatusBadRequest, code: se.Code, message: se.Message}
	}
	if !sigv4.Verify(r, body, a, secret) {
		return &wireError{status: http.StatusBadRequest, code: "InvalidSignatureException",
			message: "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details."}
	}
	return nil
}

// wireError is an error answer: status, code and message, and the typed
// error whose members make the body when the model types it.
type wireError struct {
	status    int
	code      string
	message   string
	typed     serializableError // nil for errors the model does not type
	requestID string
}

type serializableError interface {
	SerializeMembers(smithy.ShapeSerializer)
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if h.serveOtherProtocols(w, r) { // STS and other services' calls: sts.go
		return
	}
	svc, op, werr := h.route(r)
	if werr != nil {
		h.writeError(w, svc, werr)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, h.cfg.maxBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			h.writeError(w, svc, &wireError{status: http.StatusRequestEntityTooLarge, code: "RequestEntityTooLargeException",
				message: fmt.Sprintf("Request body is larger than %d bytes", h.cfg.maxBody)})
			return
		}
		h.writeError(w, svc, &wireError{status: http.StatusBadRequest, code: "SerializationException",
			message: "Unable to read the request body: " + err.Error()})
		return
	}
	// A request slot is taken only once the body is in: a client that
	// sends its header and then trickles (or never sends) the body holds a
	// connection until ReadTimeout, never a slot others need.
	if h.slots != nil {
		select {
		case h.slots <- struct{}{}:
			defer func() { <-h.slots }()
		default:
			// Over the limit: AWS's throttling answer, which the SDKs'
			// retryers back off and retry on.
			h.writeError(w, svc, &wireError{status: http.StatusBadRequest, code: "ThrottlingException", message: core.RateExceeded})
			return
		}
	}
	if werr := h.authenticate(r, body, svc.signingName); werr != nil {
		h.writeError(w, svc, werr)
		return
	}
	in := reflect.New(op.input)
	if err := h.codec.decode(body, in.Interface()); err != nil {
		h.writeError(w, svc, &wireError{status: http.StatusBadRequest, code: "SerializationException", message: err.Error()})
		return
	}
	clients := h.clientsFor(h.partitionOf(r))
	invoke := clients.ssm
	if svc == h.sm {
		invoke = clients.sm
	}
	res, err := invoke(r.Context(), op, in)
	if err != nil {
		h.writeError(w, svc, h.fromError(svc, op, err))
		return
	}
	out, ok := res.Interface().(smithy.Serializable)
	if !ok || res.IsNil() {
		h.writeError(w, svc, &wireError{status: http.StatusInternalServerError, code: "InternalFailure",
			message: fmt.Sprintf("operation %s.%s returned no output", svc.target, op.name)})
		return
	}
	jw := &jsonWriter{buf: make([]byte, 0, 512)}
	out.Serialize(jw)
	hdr := w.Header()
	hdr.Set("Content-Type", "application/x-amz-json-1.1")
	hdr.Set("X-Amzn-Requestid", h.ids.RequestID())
	hdr.Set("Content-Length", strconv.Itoa(len(jw.buf)))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(jw.buf)
}

// route finds the service and operation a request names.
func (h *handler) route(r *http.Request) (*service, operation, *wireError) {
	target := r.Header.Get("X-Amz-Target")
	prefix, name, _ := strings.Cut(target, ".")
	var svc *service
	switch prefix {
	case ssmTarget:
		svc = h.ssm
	case smTarget:
		svc = h.sm
	}
	if r.Method != http.MethodPost {
		return svc, operation{}, &wireError{status: http.StatusMethodNotAllowed, code: "UnknownOperationException",
			message: fmt.Sprintf("The AWS JSON protocol takes POST requests, not %s", r.Method)}
	}
	if svc == nil || !svc.sdkOps[name] {
		// AWS answers an X-Amz-Target it does not know with
		// UnknownOperationException (status 400).
		return svc, operation{}, &wireError{status: http.StatusBadRequest, code: "UnknownOperationException",
			message: fmt.Sprintf("Unknown operation %q", target)}
	}
	op, ok := svc.ops[name]
	if !ok {
		// An operation of the service that fakeaws does not serve: not an
		// AWS answer, so a status the SDK does not retry and a message that
		// says what is missing.
		return svc, operation{}, &wireError{status: http.StatusNotImplemented, code: "NotImplementedException",
			message: fmt.Sprintf("fakeaws does not implement %s (operation %s of %s)", target, name, svc.id)}
	}
	return svc, op, nil
}

// fromError turns what a fake client returned into the answer AWS sends.
func (h *handler) fromError(svc *service, op operation, err error) *wireError {
	we := &wireError{}
	var re *awshttp.ResponseError
	if errors.As(err, &re) {
		we.requestID = re.RequestID
	}
	var ipe smithy.InvalidParamsError
	if errors.As(err, &ipe) {
		// The SDK checks required members before sending; a request that
		// arrives without them (another SDK, a hand-made request) gets the
		// server's answer: ValidationException, in Coral's words.
		we.status, we.code = http.StatusBadRequest, "ValidationException"
		we.message = validationMessage(op.name+"Input", ipe)
		return we
	}
	var api smithy.APIError
	if !errors.As(err, &api) {
		// Not an AWS answer (a test's fault that is no API error): its own
		// text, without the fake client's "operation error" wrapping.
		we.status, we.code = http.StatusInternalServerError, "InternalFailure"
		var oe *smithy.OperationError
		if errors.As(err, &oe) && oe.Err != nil {
			err = oe.Err
		}
		we.message = err.Error()
		return we
	}
	we.code, we.message = api.ErrorCode(), api.ErrorMessage()
	we.status = http.StatusBadRequest
	if api.ErrorFault() == smithy.FaultServer {
		we.status = http.StatusInternalServerError
	}
	if re != nil && re.HTTPStatusCode() >= 400 {
		we.status = re.HTTPStatusCode()
	}
	if se, ok := api.(serializableError); ok {
		we.typed = se
	}
	return we
}

// validationMessage renders missing required members as AWS's server-side
// validation does: "1 validation error detected: Value null at 'name'
// failed to satisfy constraint: Member must not be null", with several
// joined by "; " and the count pluralised.
func validationMessage(inputName string, ipe smithy.InvalidParamsError) string {
	errs := ipe.Errs()
	parts := make([]string, 0, len(errs))
	for _, e := range errs {
		field := e.Error()
		var pe smithy.InvalidParamError
		if errors.As(e, &pe) {
			field = pe.Field()
		}
		field = strings.TrimPrefix(field, inputName+".")
		parts = append(parts, fmt.Sprintf("Value null at '%s' failed to satisfy constraint: Member must not be null", wirePath(field)))
	}
	noun := "error"
	if len(parts) != 1 {
		noun = "errors"
	}
	return fmt.Sprintf("%d validation %s detected: %s", len(parts), noun, strings.Join(parts, "; "))
}

// wirePath turns the SDK's member path ("Tags[0].Key") into the one AWS's
// messages use ("tags.1.member.key": camelCase, list positions from 1).
func wirePath(field string) string {
	var out []string
	for seg := range strings.SplitSeq(field, ".") {
		name, idx, hasIdx := strings.Cut(seg, "[")
		out = append(out, lowerFirst(name))
		if hasIdx {
			idx = strings.TrimSuffix(idx, "]")
			if n, err := strconv.Atoi(idx); err == nil {
				out = append(out, strconv.Itoa(n+1), "member")
			} else {
				out = append(out, idx)
			}
		}
	}
	return strings.Join(out, ".")
}

// writeError writes an error answer as AWS does: the status, the
// X-Amzn-ErrorType and x-amzn-RequestId headers, and a body with "__type"
// (the bare code) and the message under the service's key, or the typed
// error's own members as the model names them.
func (h *handler) writeError(w http.ResponseWriter, svc *service, we *wireError) {
	if we.requestID == "" {
		we.requestID = h.ids.RequestID()
	}
	jw := &jsonWriter{buf: make([]byte, 0, 256)}
	jw.open('{', true)
	jw.writeMember("__type", we.code)
	typed := we.typed
	if typed == nil && svc != nil {
		typed = svc.typedError(we.code, we.message)
	}
	if typed != nil {
		typed.SerializeMembers(jw)
	} else {
		key := "message"
		if svc != nil {
			key = svc.messageKey
		}
		jw.writeMember(key, we.message)
	}
	jw.close('}')
	hdr := w.Header()
	hdr.Set("Content-Type", "application/x-amz-json-1.1")
	hdr.Set("X-Amzn-Requestid", we.requestID)
	hdr.Set("X-Amzn-Errortype", we.code)
	hdr.Set("Content-Length", strconv.Itoa(len(jw.buf)))
	w.WriteHeader(we.status)
	_, _ = w.Write(jw.buf)
}
