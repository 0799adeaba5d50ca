package endpoint_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/endpoint"
)

// FuzzHandler sends arbitrary bodies under arbitrary X-Amz-Target headers:
// every answer is AWS-shaped JSON (a 200 with a JSON object, or an error
// with X-Amzn-ErrorType and a body whose "__type" names the same code), and
// the only 5xx is 501: NotImplementedException for operations of the two
// services fakeaws does not serve, NotImplemented for other services'
// targets. Nothing panics.
func FuzzHandler(f *testing.F) {
	seeds := []struct{ target, body string }{
		{"AmazonSSM.PutParameter", `{"Name":"/a","Value":"v","Type":"String"}`},
		{"AmazonSSM.GetParameter", `{"Name":"/a"}`},
		{"AmazonSSM.GetParametersByPath", `{"Path":"/","Recursive":true,"MaxResults":1,"NextToken":"x"}`},
		{"AmazonSSM.DescribeParameters", `{"ParameterFilters":[{"Key":"Name","Option":"BeginsWith","Values":["/a"]}]}`},
		{"AmazonSSM.LabelParameterVersion", `{"Name":"/a","ParameterVersion":1,"Labels":["x"]}`},
		{"secretsmanager.CreateSecret", `{"Name":"s","SecretBinary":"AAEC","Tags":[{"Key":"k","Value":"v"}]}`},
		{"secretsmanager.GetSecretValue", `{"SecretId":"s","VersionStage":"AWSCURRENT"}`},
		{"secretsmanager.ListSecrets", `{"Filters":[{"Key":"name","Values":["s"]}],"SortOrder":"asc"}`},
		{"secretsmanager.UpdateSecretVersionStage", `{"SecretId":"s","VersionStage":"X","MoveToVersionId":"abc"}`},
		{"secretsmanager.DeleteSecret", `{"SecretId":"s","RecoveryWindowInDays":1e400}`},
		{"secretsmanager.CreateSecret", `{"Name":1}`},
		{"AmazonSSM.GetParameters", `{"Names":null}`},
		{"AmazonSSM.PutParameter", `[1,2]`},
		{"AmazonSSM.Nope", `{}`},
		{"", ``},
		{"AmazonSSM.SendCommand", `{}`},
		{"Logs_20140328.PutLogEvents", `{}`},
		{"secretsmanager.GetRandomPassword", `{"PasswordLength":-1}`},
		{"AmazonSSM.PutParameter", "{\"Name\":\"\\ud800\",\"Value\":\"\xff\"}"},
	}
	for _, s := range seeds {
		f.Add(s.target, []byte(s.body))
	}
	h := endpoint.Handler(fakeaws.New(fakeaws.WithSeed(1)))
	f.Fuzz(func(t *testing.T, target string, body []byte) {
		req := httptest.NewRequest(http.MethodPost, "/", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/x-amz-json-1.1")
		req.Header.Set("X-Amz-Target", target)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		res := rec.Result()
		b, _ := io.ReadAll(res.Body)
		var obj map[string]any
		if err := json.Unmarshal(b, &obj); err != nil {
			t.Fatalf("%s %q: status %d, body %q is not a JSON object: %v", target, body, res.StatusCode, b, err)
		}
		if res.StatusCode == http.StatusOK {
			return
		}
		code := res.Header.Get("X-Amzn-Errortype")
		if code == "" || obj["__type"] != code {
			t.Fatalf("%s %q: status %d, X-Amzn-ErrorType %q, body %s", target, body, res.StatusCode, code, b)
		}
		if res.StatusCode >= 500 && !(res.StatusCode == http.StatusNotImplemented && (code == "NotImplementedException" || code == "NotImplemented")) {
			t.Fatalf("%s %q: server fault %d %s", target, body, res.StatusCode, b)
		}
	})
}
