namespace SafeHarbor.Features.Incentives;

public static class IncentivesApi
{
    public static IServiceCollection AddIncentives(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapIncentives(this IEndpointRouteBuilder app) => app;
}
