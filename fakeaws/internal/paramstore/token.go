package paramstore

import (
	"encoding/base64"
	"strconv"
	"strings"
)

// Page tokens are opaque to callers: base64 (URL alphabet, no padding) of a
// kind tag and the last key a page covered (a parameter name, or a version
// number for history). A page resumes after that key by binary search, so
// tokens stay valid when other parameters come and go.
const (
	tokenName    = "n1:"
	tokenVersion = "v1:"
)

func encodeToken(kind, last string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(kind + last))
}

// decodeToken returns the key in tok, which must be of kind; "" (no token)
// means the start.
func decodeToken(kind string, tok *string) (last string, ok bool, err error) {
	if tok == nil || *tok == "" {
		return "", false, nil
	}
	b, derr := base64.RawURLEncoding.DecodeString(*tok)
	if derr != nil || !strings.HasPrefix(string(b), kind) {
		return "", false, errNextToken()
	}
	last = string(b[len(kind):])
	if kind == tokenName && last == "" {
		return "", false, errNextToken()
	}
	return last, true, nil
}

// decodeVersionToken returns the last version number in tok.
func decodeVersionToken(tok *string) (int64, bool, error) {
	last, ok, err := decodeToken(tokenVersion, tok)
	if err != nil || !ok {
		return 0, ok, err
	}
	n, perr := strconv.ParseInt(last, 10, 64)
	if perr != nil || n < 1 {
		return 0, false, errNextToken()
	}
	return n, true, nil
}
