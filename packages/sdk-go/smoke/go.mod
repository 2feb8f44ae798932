module github.com/drs-contract/sdk-go/smoke

go 1.23

require github.com/drs-contract/sdk-go v0.1.0

// The SDK is generated into ../generated (gitignored) by `nx run sdk-go:generate`.
replace github.com/drs-contract/sdk-go => ../generated
