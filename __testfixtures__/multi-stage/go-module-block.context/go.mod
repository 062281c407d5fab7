module (
	// the application
	example.com/app
)

go 1.22
