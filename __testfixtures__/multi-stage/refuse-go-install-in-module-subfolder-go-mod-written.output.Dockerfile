FROM golang:1.22
WORKDIR /src/cmd/app
COPY . /src
RUN printf 'module example.com/tool\n\ngo 1.22\n' > go.mod && go install
CMD ["tool"]
