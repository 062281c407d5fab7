FROM node:20 AS build
WORKDIR /calcom
COPY scripts scripts
RUN yarn install && yarn build

FROM node:20
WORKDIR /calcom
COPY --from=build /calcom ./
ENV BUILT_URL=http://PLACEHOLDER PUBLIC_URL=http://localhost:3000
EXPOSE 3000
CMD ["/calcom/scripts/start.sh"]
