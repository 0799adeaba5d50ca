package endpoint_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/endpoint"
)

// A JSON string that is not valid UTF-8 (raw bytes, or an escaped lone
// surrogate) is refused with SerializationException and nothing is stored:
// decoding it would store U+FFFD in place of what was sent.
func TestWireRefusesInvalidUTF8(t *testing.T) {
	t.Parallel()
	st := fakeaws.New()
	srv := endpoint.NewServer(st)
	t.Cleanup(srv.Close)
	for _, tc := range []struct{ name, target, body string }{
		{"raw 0xff in a parameter value", "AmazonSSM.PutParameter", "{\"Name\":\"/p\",\"Value\":\"a\xffb\",\"Type\":\"String\"}"},
		{"truncated sequence in a name", "AmazonSSM.PutParameter", "{\"Name\":\"/p\xc3\",\"Value\":\"v\",\"Type\":\"String\"}"},
		{"lone high surrogate in a secret", "secretsmanager.CreateSecret", `{"Name":"s","SecretString":"a\ud800b"}`},
		{"lone low surrogate in a secret", "secretsmanager.CreateSecret", `{"Name":"s","SecretString":"a\udc00"}`},
		{"high surrogate at the end", "secretsmanager.CreateSecret", `{"Name":"s","SecretString":"\ud83d"}`},
	} {
		resp, body := post(t, srv.URL, tc.target, tc.body, nil)
		if resp.StatusCode != http.StatusBadRequest || resp.Header.Get("X-Amzn-Errortype") != "SerializationException" {
			t.Errorf("%s: %d %s, want 400 SerializationException", tc.name, resp.StatusCode, body)
		}
	}
	if n := len(st.Calls()); n != 0 {
		t.Errorf("%d calls reached the Store, want none", n)
	}
	// A valid pair, and escaped backslashes before a u, are accepted as sent.
	resp, body := post(t, srv.URL, "secretsmanager.CreateSecret", `{"Name":"s","SecretString":"\ud83d\ude00 \\ud800"}`, nil)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("a valid surrogate pair: %d %s", resp.StatusCode, body)
	}
	out, err := secretsmanager.NewFromConfig(srv.Config()).GetSecretValue(context.Background(), &secretsmanager.GetSecretValueInput{SecretId: aws.String("s")})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := aws.ToString(out.SecretString), "\U0001F600 \\ud800"; got != want {
		t.Errorf("stored %q, want %q", got, want)
	}
	if _, err := ssm.NewFromConfig(srv.Config()).GetParameter(context.Background(), &ssm.GetParameterInput{Name: aws.String("/p")}); err == nil || !strings.Contains(err.Error(), "ParameterNotFound") {
		t.Errorf("/p after refused puts: %v, want ParameterNotFound", err)
	}
}
