module github.com/fakeaws/fakeaws-go

go 1.26

require (
	github.com/aws/aws-sdk-go-v2 v1.48.0
	github.com/aws/smithy-go v1.28.9
	github.com/google/uuid v1.6.0
)
