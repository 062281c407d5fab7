from ubuntu:18.04
run apt-get update && apt-get install -y python3
run apt-get clean
