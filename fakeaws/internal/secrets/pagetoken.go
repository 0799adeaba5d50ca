package secrets

import (
	"encoding/base64"
	"strconv"
	"strings"
)

// Page tokens are opaque to callers: base64 (URL alphabet, unpadded) of a
// kind tag and the last key of the page, so a listing resumes after that
// key (by binary search), whatever changed in between.

func encodeToken(kind string, parts ...string) *string {
	t := base64.RawURLEncoding.EncodeToString([]byte(kind + "\x00" + strings.Join(parts, "\x00")))
	return &t
}

// decodeToken returns the key parts of a token of the given kind, or
// errBadNextToken.
func decodeToken(kind, token string, n int) ([]string, error) {
	b, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil {
		return nil, errBadNextToken()
	}
	parts := strings.Split(string(b), "\x00")
	if len(parts) != n+1 || parts[0] != kind {
		return nil, errBadNextToken()
	}
	return parts[1:], nil
}

// decodeInt parses a decimal key part.
func decodeInt(s string) (int64, error) {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, errBadNextToken()
	}
	return n, nil
}
