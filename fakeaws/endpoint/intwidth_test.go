package endpoint

import (
	"strings"
	"testing"

	"github.com/fakeaws/fakeaws-go/fakeaws"
)

// TestIntegersWiderThanTheMember: a JSON integer that does not fit the
// member's type (Integer is 32 bits, Long 64, as the services' Smithy
// models type them) is a SerializationException naming the member, not a
// value cut to fit: 4294967297 cut to 32 bits is 1, a valid MaxResults.
// The largest value that fits gets through to the service's own checks.
func TestIntegersWiderThanTheMember(t *testing.T) {
	t.Parallel()
	h := Handler(fakeaws.New())
	for _, tc := range []struct {
		target, body string
		code, msgHas string
	}{
		{"AmazonSSM.GetParameterHistory", `{"Name":"/p","MaxResults":4294967297}`, "SerializationException", "MaxResults"},
		{"AmazonSSM.GetParameterHistory", `{"Name":"/p","MaxResults":2147483648}`, "SerializationException", "MaxResults"},
		{"AmazonSSM.GetParameterHistory", `{"Name":"/p","MaxResults":-2147483649}`, "SerializationException", "MaxResults"},
		{"secretsmanager.ListSecrets", `{"MaxResults":4294967297}`, "SerializationException", "MaxResults"},
		{"AmazonSSM.LabelParameterVersion", `{"Name":"/p","Labels":["L"],"ParameterVersion":18446744073709551617}`, "SerializationException", "ParameterVersion"},
		{"secretsmanager.DeleteSecret", `{"SecretId":"s","RecoveryWindowInDays":9223372036854775808}`, "SerializationException", "RecoveryWindowInDays"},
		// Fits: the service answers.
		{"AmazonSSM.GetParameterHistory", `{"Name":"/p","MaxResults":2147483647}`, "ValidationException", "50"},
		{"AmazonSSM.LabelParameterVersion", `{"Name":"/p","Labels":["L"],"ParameterVersion":9223372036854775807}`, "ParameterNotFound", ""},
	} {
		got := post(t, h, tc.target, tc.body)
		msg, _ := got.Body["message"].(string)
		if m, ok := got.Body["Message"].(string); ok {
			msg = m
		}
		if got.Status != 400 || got.ErrorType != tc.code || !strings.Contains(msg, tc.msgHas) {
			t.Errorf("%s %s: status %d, %s %q; want 400, %s naming %q", tc.target, tc.body, got.Status, got.ErrorType, msg, tc.code, tc.msgHas)
		}
	}
}
