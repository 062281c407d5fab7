FROM gcr.io/distroless/nodejs22-debian12:nonroot
WORKDIR /usr/src/app/
COPY node_modules/ node_modules/
COPY index.js charge.js logger.js ./
EXPOSE 50051
CMD ["index.js"]
