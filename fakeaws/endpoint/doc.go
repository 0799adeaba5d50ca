// Package endpoint serves a fakeaws.Store over the wire protocol of AWS
// Parameter Store and Secrets Manager (AWS JSON 1.1), so that the real SDK
// clients, the AWS CLI and other languages' SDKs talk to the fake as to AWS.
//
//	st := fakeaws.New()
//	cfg := endpoint.Config(st)        // in memory: no socket, safe in parallel tests
//	ssmc := ssm.NewFromConfig(cfg)    // the real *ssm.Client
//	smc := secretsmanager.NewFromConfig(cfg)
//
//	srv := endpoint.NewServer(st)     // a loopback server, like httptest.NewServer
//	defer srv.Close()                 // srv.URL for the CLI; srv.Config() for Go
//
// Handler decodes each request into the SDK's own input type, calls the
// same method of ssmfake or smfake, and encodes the answer with the SDK's
// own Serialize methods, so behaviour lives in one place and every way in
// agrees. What is exact: member names, epoch-second timestamps with
// milliseconds, base64 blobs, absent members left out; errors with status
// 400 (500 for server faults), X-Amzn-ErrorType, x-amzn-RequestId and a body
// with "__type" and the message under the key the model gives it. Bad
// requests get AWS's codes: UnknownOperationException, SerializationException
// (the messages are fakeaws's own). The region comes from the request's
// SigV4 credential scope and the account from its access key; signatures
// are not verified. Operations of the SDK clients that the fakes do not
// serve answer NotImplementedException (status 501), naming the operation.
//
// The endpoint also answers STS GetCallerIdentity in STS's own protocol (AWS
// Query: a form POST answered in XML) with the account and principal of the
// request's access key, so an *sts.Client made from Config or
// Server.Config, `aws sts get-caller-identity` and other SDKs' STS clients
// learn who they are. Any other call outside the two services answers
// NotImplemented (status 501) in its protocol's error shape.
package endpoint
