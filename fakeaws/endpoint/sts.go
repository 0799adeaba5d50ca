package endpoint

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/sigv4"
)

// The AWS Query protocol of STS: a form-encoded POST (Action=...&Version=...)
// answered in XML. Only GetCallerIdentity is served, since tools call it
// first to learn who they are ("aws sts get-caller-identity", chamber's
// Secrets Manager backend); every other call to a service fakeaws does not
// serve gets NotImplemented (HTTP 501, which no SDK retries) in the shape
// its protocol's clients read:
//
//   - AWS Query (a form body): <ErrorResponse><Error><Code>, as STS answers;
//   - EC2 Query (a form body signed for ec2): <Response><Errors><Error>;
//   - AWS JSON (an X-Amz-Target of another service): {"__type": ...};
//   - REST-XML (a request signed for s3): <Error><Code>;
//   - other REST requests: JSON with the X-Amzn-ErrorType header.
const (
	stsVersion   = "2011-06-15"
	stsNamespace = "https://sts.amazonaws.com/doc/2011-06-15/"
	// notImplemented is the code of every call fakeaws does not serve
	// outside the two services.
	notImplemented = "NotImplemented"
)

// serveOtherProtocols answers the requests that are not the AWS JSON
// protocol of Parameter Store or Secrets Manager, and reports whether it
// did. The requests it leaves are routed by route.
func (h *handler) serveOtherProtocols(w http.ResponseWriter, r *http.Request) bool {
	if target := r.Header.Get("X-Amz-Target"); target != "" {
		prefix, _, _ := strings.Cut(target, ".")
		if prefix == ssmTarget || prefix == smTarget {
			return false
		}
		h.writeError(w, nil, &wireError{status: http.StatusNotImplemented, code: notImplemented,
			message: fmt.Sprintf("fakeaws does not implement %s: it serves Parameter Store (AmazonSSM), Secrets Manager (secretsmanager) and STS GetCallerIdentity", target)})
		return true
	}
	if isQuery(r) {
		h.serveQuery(w, r)
		return true
	}
	if r.Method == http.MethodPost && r.URL.Path == "/" {
		return false // the JSON protocol without a target: route answers it
	}
	// A REST call (a method or path the JSON protocols never use).
	msg := fmt.Sprintf("fakeaws does not implement %s %s", r.Method, r.URL.Path)
	if a, err := sigv4.Parse(r); err == nil && a.Service == "s3" {
		writeRESTXMLError(w, http.StatusNotImplemented, notImplemented, msg, h.ids.RequestID())
		return true
	}
	h.writeError(w, nil, &wireError{status: http.StatusNotImplemented, code: notImplemented, message: msg})
	return true
}

// isQuery reports whether r is a call of the Query protocols: a POST with a
// form body, or a GET whose query string names an Action (as presigned
// GetCallerIdentity URLs do).
func isQuery(r *http.Request) bool {
	switch r.Method {
	case http.MethodPost:
		mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
		return mt == "application/x-www-form-urlencoded"
	case http.MethodGet:
		return r.URL.Query().Get("Action") != ""
	}
	return false
}

// serveQuery answers a Query-protocol call: STS GetCallerIdentity, or
// NotImplemented.
func (h *handler) serveQuery(w http.ResponseWriter, r *http.Request) {
	var body []byte
	if r.Method == http.MethodPost {
		var err error
		body, err = io.ReadAll(http.MaxBytesReader(w, r.Body, h.cfg.maxBody))
		if err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				writeQueryError(w, "", http.StatusRequestEntityTooLarge, "RequestEntityTooLarge",
					fmt.Sprintf("Request body is larger than %d bytes", h.cfg.maxBody), h.ids.RequestID())
				return
			}
			writeQueryError(w, "", http.StatusBadRequest, "MalformedQueryString", "Unable to read the request body: "+err.Error(), h.ids.RequestID())
			return
		}
	}
	form := r.URL.Query()
	if len(body) > 0 {
		f, err := url.ParseQuery(string(body))
		if err != nil {
			writeQueryError(w, "", http.StatusBadRequest, "MalformedQueryString", err.Error(), h.ids.RequestID())
			return
		}
		for k, v := range f {
			form[k] = v
		}
	}
	action := form.Get("Action")
	auth, authErr := sigv4.Parse(r)
	service := auth.Service
	if service == "" && (form.Get("Version") == stsVersion || action == "GetCallerIdentity") {
		service = "sts" // unsigned: known by its API version or action
	}
	if service == "ec2" {
		writeEC2Error(w, http.StatusNotImplemented, notImplemented,
			fmt.Sprintf("fakeaws does not implement ec2 %s", action), h.ids.RequestID())
		return
	}
	ns := ""
	if service == "sts" {
		ns = stsNamespace
	}
	if we := h.authenticate(r, body, service); we != nil {
		code, status := queryAuthError(we)
		writeQueryError(w, ns, status, code, queryAuthMessage(code, we.message), h.ids.RequestID())
		return
	}
	if service != "sts" || action != "GetCallerIdentity" {
		name := service
		if name == "" {
			name = "the Query API"
		}
		writeQueryError(w, ns, http.StatusNotImplemented, notImplemented,
			fmt.Sprintf("fakeaws does not implement %s %s: of the Query APIs it serves STS GetCallerIdentity only", name, action), h.ids.RequestID())
		return
	}
	p := h.partitionOf(r)
	arn, userID := callerIdentity(p, auth.AccessKey, authErr == nil)
	var b bytes.Buffer
	b.WriteString(`<GetCallerIdentityResponse xmlns="` + stsNamespace + `">` + "\n")
	b.WriteString("  <GetCallerIdentityResult>\n")
	writeXMLElement(&b, "    ", "Arn", arn)
	writeXMLElement(&b, "    ", "UserId", userID)
	writeXMLElement(&b, "    ", "Account", p.account)
	b.WriteString("  </GetCallerIdentityResult>\n")
	b.WriteString("  <ResponseMetadata>\n")
	reqID := h.ids.RequestID()
	writeXMLElement(&b, "    ", "RequestId", reqID)
	b.WriteString("  </ResponseMetadata>\n")
	b.WriteString("</GetCallerIdentityResponse>\n")
	writeXML(w, http.StatusOK, reqID, b.Bytes())
}

// callerIdentity is the Arn and UserId GetCallerIdentity answers for a
// request of partition p signed (or not) with accessKey. The principal is
// the one policies see (WithPrincipalForKey, or user/<access key>); an
// unsigned request is the account's root. UserId is as in the STS API
// reference's GetCallerIdentity examples: the access key for an IAM user,
// "<access key>:<session name>" for an assumed role,
// "<account>:<name>" for a federated user, and the account for the root
// (docs/aws-behaviour.md §9).
func callerIdentity(p partition, accessKey string, signed bool) (arn, userID string) {
	if !signed || p.principal == "" {
		return core.IAMARN(p.region, p.account, "root"), p.account
	}
	arn = p.principal
	resource := ""
	if parts := strings.SplitN(arn, ":", 6); len(parts) == 6 {
		resource = parts[5]
	}
	switch {
	case resource == "root":
		return arn, p.account
	case strings.HasPrefix(resource, "assumed-role/"):
		session := resource[strings.LastIndexByte(resource, '/')+1:]
		return arn, accessKey + ":" + session
	case strings.HasPrefix(resource, "federated-user/"):
		return arn, p.account + ":" + strings.TrimPrefix(resource, "federated-user/")
	}
	return arn, accessKey
}

// queryAuthError turns a signature check's refusal (AWS JSON codes) into
// the code and status the Query protocol answers with: STS's
// MissingAuthenticationToken (403, recorded), InvalidClientTokenId,
// SignatureDoesNotMatch and IncompleteSignature (the Query APIs' common
// errors).
func queryAuthError(we *wireError) (code string, status int) {
	switch we.code {
	case "MissingAuthenticationTokenException":
		return "MissingAuthenticationToken", http.StatusForbidden
	case "UnrecognizedClientException":
		return "InvalidClientTokenId", http.StatusForbidden
	case "InvalidSignatureException":
		return "SignatureDoesNotMatch", http.StatusForbidden
	case "IncompleteSignatureException":
		return "IncompleteSignature", http.StatusBadRequest
	}
	return we.code, we.status
}

func queryAuthMessage(code, msg string) string {
	if code == "MissingAuthenticationToken" {
		return "Request is missing Authentication Token"
	}
	return msg
}

// writeQueryError writes an AWS Query error as STS sends it (a recorded
// 403 answer: text/xml, two-space indentation, a trailing newline):
//
//	<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
//	  <Error>
//	    <Type>Sender</Type>
//	    <Code>MissingAuthenticationToken</Code>
//	    <Message>Request is missing Authentication Token</Message>
//	  </Error>
//	  <RequestId>89b682e5-ac18-4fac-a917-2155723ed59b</RequestId>
//	</ErrorResponse>
//
// Type is Sender for a 4xx status and Receiver for a 5xx one.
func writeQueryError(w http.ResponseWriter, namespace string, status int, code, message, reqID string) {
	var b bytes.Buffer
	b.WriteString("<ErrorResponse")
	if namespace != "" {
		b.WriteString(` xmlns="` + namespace + `"`)
	}
	b.WriteString(">\n  <Error>\n")
	typ := "Sender"
	if status >= 500 {
		typ = "Receiver"
	}
	writeXMLElement(&b, "    ", "Type", typ)
	writeXMLElement(&b, "    ", "Code", code)
	writeXMLElement(&b, "    ", "Message", message)
	b.WriteString("  </Error>\n")
	writeXMLElement(&b, "  ", "RequestId", reqID)
	b.WriteString("</ErrorResponse>\n")
	w.Header().Set("X-Amzn-Errortype", code)
	writeXML(w, status, reqID, b.Bytes())
}

// writeEC2Error writes an error of the EC2 Query protocol.
func writeEC2Error(w http.ResponseWriter, status int, code, message, reqID string) {
	var b bytes.Buffer
	b.WriteString(xml.Header + "<Response><Errors><Error>")
	writeXMLElement(&b, "", "Code", code)
	writeXMLElement(&b, "", "Message", message)
	b.WriteString("</Error></Errors>")
	writeXMLElement(&b, "", "RequestID", reqID)
	b.WriteString("</Response>")
	writeXML(w, status, reqID, b.Bytes())
}

// writeRESTXMLError writes an error of the REST-XML protocol (S3's shape).
func writeRESTXMLError(w http.ResponseWriter, status int, code, message, reqID string) {
	var b bytes.Buffer
	b.WriteString(xml.Header + "<Error>")
	writeXMLElement(&b, "", "Code", code)
	writeXMLElement(&b, "", "Message", message)
	writeXMLElement(&b, "", "RequestId", reqID)
	b.WriteString("</Error>")
	writeXML(w, status, reqID, b.Bytes())
}

// writeXMLElement writes indent<name>text</name>, with a newline after it
// when indented.
func writeXMLElement(b *bytes.Buffer, indent, name, text string) {
	b.WriteString(indent + "<" + name + ">")
	_ = xml.EscapeText(b, []byte(text))
	b.WriteString("</" + name + ">")
	if indent != "" {
		b.WriteByte('\n')
	}
}

func writeXML(w http.ResponseWriter, status int, reqID string, body []byte) {
	hdr := w.Header()
	hdr.Set("Content-Type", "text/xml")
	hdr.Set("X-Amzn-Requestid", reqID)
	hdr.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body)
}
