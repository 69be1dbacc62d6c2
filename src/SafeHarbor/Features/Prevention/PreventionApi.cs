namespace SafeHarbor.Features.Prevention;

public static class PreventionApi
{
    public static IServiceCollection AddPrevention(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapPrevention(this IEndpointRouteBuilder app) => app;
}
