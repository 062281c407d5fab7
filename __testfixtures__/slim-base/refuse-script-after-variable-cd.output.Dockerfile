FROM python:3.12
ARG TOOLS=tools
WORKDIR /app
COPY . .
# the folder build.sh runs from is a build argument: which build.sh it is cannot be told
RUN cd "$TOOLS" && ./build.sh
CMD ["python", "app.py"]
