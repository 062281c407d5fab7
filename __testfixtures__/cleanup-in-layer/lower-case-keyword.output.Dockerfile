from ubuntu:18.04
run apt-get update && apt-get install -y python3 && apt-get clean && rm -rf /var/lib/apt/lists/*
